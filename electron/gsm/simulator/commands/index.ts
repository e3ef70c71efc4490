/**
 * The modem's command table: one record per command, gathered from the domain files. Running a
 * command checks what the table says about it (does it exist on this profile, does it touch a
 * SIM that may still be busy or locked) before its handler runs.
 */
import { CME, CMS, cme, cms, ERROR, type Final, OK, UNKNOWN_COMMAND } from '../answers';
import type { AtCommand } from '../command-line';
import type { CommandContext, CommandSpec } from './context';
import { GENERAL_COMMANDS } from './general';
import { HUAWEI_COMMANDS } from './huawei';
import { NETWORK_COMMANDS } from './network';
import { SIM_COMMANDS } from './sim';
import { SMS_COMMANDS } from './sms';
import { USSD_COMMANDS } from './ussd';

const COMMANDS: readonly CommandSpec[] = [
  ...GENERAL_COMMANDS,
  ...SIM_COMMANDS,
  ...NETWORK_COMMANDS,
  ...SMS_COMMANDS,
  ...USSD_COMMANDS,
  ...HUAWEI_COMMANDS,
];

const byName = new Map<string, CommandSpec[]>();
for (const spec of COMMANDS) byName.set(spec.name, [...(byName.get(spec.name) ?? []), spec]);

/** S-registers (ATS0=0, ATS7?) are accepted; the simulator has no use for their values. */
const S_REGISTER: CommandSpec = {
  name: 'S',
  run: (command, context) => {
    if (command.form === 'read') context.answer('000');
    return OK;
  },
};

function findCommand(name: string, context: CommandContext): CommandSpec | null {
  if (/^S\d+$/.test(name)) return S_REGISTER;
  const specs = byName.get(name) ?? [];
  return specs.find((spec) => spec.availableOn?.(context.profile) ?? true) ?? null;
}

export async function runCommand(command: AtCommand, context: CommandContext): Promise<Final> {
  const spec = findCommand(command.name, context);
  if (!spec) return UNKNOWN_COMMAND;
  const { sim } = context;
  if (spec.touchesSim && sim.busyLeft > 0) {
    sim.busyLeft -= 1;
    return cme(context.profile.faults.simBusy?.code ?? 14);
  }
  if (spec.needsUnlockedSim && sim.lock !== 'ready') {
    const puk = sim.lock === 'sim-puk';
    return spec.needsUnlockedSim === 'cms'
      ? cms(puk ? CMS.simPukRequired : CMS.simPinRequired)
      : cme(puk ? CME.simPukRequired : CME.simPinRequired);
  }
  try {
    return await spec.run(command, context);
  } catch {
    // A handler bug must not take the modem down: a real one would answer ERROR too.
    return ERROR;
  }
}
