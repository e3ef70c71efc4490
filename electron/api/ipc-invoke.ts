import type { Outcome } from '../../shared/api/bridge';
import { isTrustedFrameUrl } from '../web-security';
import type { Dispatch } from './dispatcher';

/**
 * The main-process side of the Electron transport, without Electron: a call is answered only
 * for a frame of ours, then goes through the same dispatcher as HTTP.
 */
export function answerIpcInvoke(
  dispatch: Dispatch,
  frameUrl: string | undefined,
  name: unknown,
  input: unknown,
  token: unknown,
  devServerUrl?: string,
): Promise<Outcome> {
  if (frameUrl === undefined || !isTrustedFrameUrl(frameUrl, devServerUrl)) {
    return Promise.resolve({
      ok: false,
      error: { code: 'forbidden', message: 'Calls are accepted only from Comptoir’s own page' },
    });
  }
  return dispatch(
    typeof name === 'string' ? name : String(name),
    input,
    typeof token === 'string' ? token : null,
  );
}
