/**
 * The shop's power-cycle command for a modem (the healing ladder's last step before out of
 * service): e.g. `uhubctl -l 1-1 -p 3 -a cycle` for the hub port the stick sits on. It is a
 * program and its arguments, run with execFile, never through a shell: nothing in it is
 * interpreted, so a manager's typing cannot become another command.
 */
import { execFile } from 'node:child_process';
import { z } from 'zod';

// Printable characters only: no NUL (execFile refuses it), no line breaks in a log line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
const printable = /^[^\x00-\x1f\x7f]+$/;

export const powerCycleCommandSchema = z
  .object({
    /** An absolute path, or a bare name looked up in PATH (no shell does the lookup). */
    program: z
      .string()
      .min(1)
      .max(300)
      .regex(printable, 'must be printable characters')
      .refine(
        (program) =>
          program.startsWith('/') || /^[A-Za-z]:\\/.test(program) || /^[\w.-]+$/.test(program),
        'must be an absolute path or a program name without a folder',
      ),
    args: z.array(z.string().max(300).regex(printable, 'must be printable characters')).max(20),
  })
  .strict();

export type PowerCycleCommand = z.output<typeof powerCycleCommandSchema>;

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

/** The command as a manager reads it back (quoted where an argument has spaces). */
export function describePowerCycle(command: PowerCycleCommand): string {
  return [command.program, ...command.args]
    .map((part) => (/\s/.test(part) || part === '' ? JSON.stringify(part) : part))
    .join(' ');
}
