import { PduError } from '../../../../electron/gsm/codecs';

/** The code of the PduError `run` throws, 'no error' if it returns; any other throw escapes. */
export function pduErrorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof PduError) return error.code;
    throw error;
  }
  return 'no error';
}

/** Calls `run`; only a PduError is an acceptable way to fail. */
export function onlyPduErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof PduError)) throw error;
  }
}
