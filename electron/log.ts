/** Where the core reports what a person may need to know: the console, or a test's recorder. */
export type Logger = Pick<Console, 'error' | 'warn' | 'info'>;
