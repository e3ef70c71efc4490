/** What the line classifier needs to know about the command waiting for its answer. */

export interface PendingCommand {
  /** The command as written, without its CR: `AT+CUSD=1,"*101#",15`. */
  command: string;
  /** The text written after the `> ` prompt (SMS PDU), whose echo must be removed too. */
  body?: string;
  /**
   * Each echo comes at most once; once seen it is no longer looked for, so a short text-mode
   * body such as "OK" cannot swallow the final OK that follows its echo.
   */
  commandEchoed?: boolean;
  bodyEchoed?: boolean;
}

type CommandForm = 'execute' | 'read' | 'test' | 'set';

interface CommandShape {
  /** `+CREG`, `^HCSQ`, `E0`...: upper case, without the leading AT. */
  name: string;
  form: CommandForm;
}

/** Splits `AT+CREG?` into name `+CREG` and form `read`; null when it does not start with AT. */
export function commandShape(command: string): CommandShape | null {
  const match = /^AT([+^$%*#!][A-Z0-9]+|&?[A-Z]\d*)(=\?|\?|=)?/i.exec(command.trim());
  if (!match?.[1]) return null;
  const suffix = match[2];
  const form: CommandForm =
    suffix === '?' ? 'read' : suffix === '=?' ? 'test' : suffix === '=' ? 'set' : 'execute';
  return { name: match[1].toUpperCase(), form };
}
