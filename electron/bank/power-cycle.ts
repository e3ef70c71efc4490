/**
 * The shop's power-cycle command for a modem (the healing ladder's last step before out of
 * service): e.g. `uhubctl -l 1-1 -p 3 -a cycle` for the hub port the stick sits on. It is a
 * program and its arguments, run with execFile, never through a shell: nothing in it is
 * interpreted, so a manager's typing cannot become another command.
 */
import { execFile } from 'node:child_process';
import type { PowerCycleCommand } from '../../shared/modem-bank';

export type { PowerCycleCommand };

/** How long the command may run before it is stopped (uhubctl takes a few seconds). */
const POWER_CYCLE_TIMEOUT_MS = 60_000;

/** Runs the command; resolves with what it printed, rejects when it fails or runs too long. */
export function runPowerCycle(command: PowerCycleCommand): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command.program,
      command.args,
      { timeout: POWER_CYCLE_TIMEOUT_MS, shell: false, windowsHide: true },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`.trim().slice(0, 500);
        if (error)
          reject(new Error(`${command.program}: ${error.message.split('\n')[0]} ${output}`.trim()));
        else resolve(output);
      },
    );
  });
}
