import type { ParseArgsConfig } from 'node:util';

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Output {
  /** Prints the command's result: the JSON document with --json, else the human text. */
  result(json: unknown, text: string): void;
  /** A problem that does not stop the command (a profile file skipped), on stderr. */
  warn(message: string): void;
}

export interface CommandContext {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  output: Output;
  /** The built renderer the browser host serves. */
  rendererDir: string;
  /** The carrier profiles shipped with the build. */
  carriersDir: string;
  /** The modem profiles shipped with the build. */
  modemsDir: string;
  /** Resolves when the process is asked to stop (SIGINT, SIGTERM). */
  signals: { next(): Promise<string> };
}

export interface Command {
  /** One or more words: `serve`, later `modem info`. */
  name: string;
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(context: CommandContext): Promise<void>;
}
