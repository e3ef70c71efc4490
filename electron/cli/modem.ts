import type { Command } from './command';
import { modemOptions, withModem } from './port';

export const modemInfoCommand: Command = {
  name: 'modem info',
  usage: 'modem info --port PATH [--baud N] [--db PATH] [--json]',
  summary: 'Identify a modem: maker, model, IMEI, SIM, network, signal, its profile and why.',
  options: { ...modemOptions },
  async run(context) {
    const { info, profile } = await withModem(context, async (modem) => ({
      info: await modem.info(),
      profile: {
        id: modem.profile.id,
        name: modem.profile.name,
        file: modem.profile.file,
        matchedBy: modem.matchedBy,
        learned: modem.learnedQuirks(),
      },
    }));
    context.output.result(
      { ...info, profile },
      [
        `${info.manufacturer ?? '?'} ${info.model ?? '?'} (revision ${info.revision ?? '?'})`,
        `IMEI ${info.imei ?? '?'}  IMSI ${info.imsi ?? '?'}  ICCID ${info.iccid ?? '?'}`,
        `SIM ${info.sim}, network ${info.registration.state}${info.operator ? ` (${info.operator})` : ''}`,
        `signal ${info.signal.bars}/4${info.signal.dbm === null ? '' : ` (${info.signal.dbm} dBm)`}`,
        `profile ${profile.id} (${profile.name}) from ${profile.file ?? 'the built-in fallback'}: ${profile.matchedBy}`,
        ...(profile.learned.length > 0
          ? [`learnt from this modem, not in its profile: ${profile.learned.join(', ')}`]
          : []),
      ].join('\n'),
    );
  },
};
