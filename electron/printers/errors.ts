/** A receipt that did not reach its printer: the message says where it went wrong. */
export class PrinterError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PrinterError';
  }
}

/** A program printing needs is not installed (or not where it was looked for). */
export class MissingProgramError extends PrinterError {
  constructor(
    readonly program: string,
    hint: string,
  ) {
    super(`${program} was not found: ${hint}`);
    this.name = 'MissingProgramError';
  }
}
