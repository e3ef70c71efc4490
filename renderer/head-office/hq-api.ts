import { ApiError } from '../../shared/api/errors';
import {
  type HqProcedureInput,
  type HqProcedureName,
  type HqProcedureOutput,
  hqProcedures,
} from '../../shared/api/hq-contract';
import { createHqClient } from '../../shared/api/hq-contract/client';
import { httpTransport } from '../../shared/api/http-transport';

const client = createHqClient(httpTransport({ baseUrl: window.location.origin }));
const sessionEnded = new Set<() => void>();

/**
 * The head-office screens' one client (`hq serve` serves the page, so it is the page's origin).
 * A staff call refused for its session (expired, or the server no longer knows it) ends the
 * screen's session: the sign-in shows again.
 */
export const hq = {
  async call<N extends HqProcedureName>(
    name: N,
    input: HqProcedureInput<N>,
  ): Promise<HqProcedureOutput<N>> {
    try {
      return await client.call(name, input);
    } catch (error) {
      const refused =
        error instanceof ApiError &&
        (error.code === 'session_expired' || error.code === 'unauthorized');
      if (refused && hqProcedures[name].access === 'staff') {
        for (const listener of sessionEnded) listener();
      }
      throw error;
    }
  },
  setToken(token: string | null): void {
    client.setToken(token);
  },
  onSessionEnded(listener: () => void): () => void {
    sessionEnded.add(listener);
    return () => sessionEnded.delete(listener);
  },
};
