import type { Outcome } from '../../shared/api/bridge';
import type { EventName } from '../../shared/api/contract';
import { type SessionState, userOfSession } from '../auth/sessions';
import { isTrustedFrameUrl } from '../web-security';
import type { Dispatch } from './dispatcher';
import { mayHear } from './event-audience';

/**
 * The main-process side of the Electron transport, without Electron: a call is answered only
 * for a frame of ours, then goes through the same dispatcher as HTTP, `client` naming the
 * window (wrong PINs are slowed down per window).
 */
export function answerIpcInvoke(
  dispatch: Dispatch,
  frameUrl: string | undefined,
  name: unknown,
  input: unknown,
  token: unknown,
  client: string,
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
    client,
  );
}

/**
 * The Electron transport's calls and events per window. A window is in the session its
 * sign-in opened (learnt from the answer of `auth.login` or `auth.setup`, forgotten at
 * `auth.logout`), and receives an event only while that session lasts and its user may hear
 * it: the same rule as the browser host's event sockets.
 */
export function createIpcEndpoint(
  core: { dispatch: Dispatch; sessionOf(token: string | null): SessionState },
  devServerUrl?: string,
) {
  const tokens = new Map<string, string>();
  return {
    async invoke(
      frameUrl: string | undefined,
      client: string,
      name: unknown,
      input: unknown,
      token: unknown,
    ): Promise<Outcome> {
      const outcome = await answerIpcInvoke(
        core.dispatch,
        frameUrl,
        name,
        input,
        token,
        client,
        devServerUrl,
      );
      if (name === 'auth.logout') tokens.delete(client);
      else if (outcome.ok && (name === 'auth.login' || name === 'auth.setup')) {
        tokens.set(client, (outcome.result as { token: string }).token);
      }
      return outcome;
    },
    /** Whether the window `client` is to receive this event now. */
    mayReceive(client: string, event: EventName, payload: unknown): boolean {
      const user = userOfSession(core.sessionOf(tokens.get(client) ?? null));
      return user !== null && mayHear(user, event, payload as never);
    },
  };
}
