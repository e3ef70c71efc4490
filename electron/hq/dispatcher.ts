import type { Outcome } from '../../shared/api/bridge';
import { ApiError, issuesFromZod } from '../../shared/api/errors';
import { hqProcedures, isHqProcedureName } from '../../shared/api/hq-contract';
import type { HqCaller, HqContext, HqHandlers } from './handlers';
import { staffOfToken } from './staff';

/** Calls a head-office procedure by name: `token` the bearer token sent, `client` who sent it. */
export type HqDispatch = (
  name: string,
  input: unknown,
  token: string | null,
  client: string,
) => Promise<Outcome>;

/**
 * The one place a call crosses into the head office: the procedure's access is checked against
 * the staff session the token stands for (in PostgreSQL, so any server answers any call), the
 * input is parsed by its schema (nothing runs on bad input), the handler runs, and its output is
 * checked against the contract before it leaves. Unexpected failures are logged and answered
 * without their stack.
 */
export function createHqDispatcher(handlers: HqHandlers, context: HqContext): HqDispatch {
  const { log } = context;
  return async (name, rawInput, token, client) => {
    if (!isHqProcedureName(name)) {
      return {
        ok: false,
        error: { code: 'unknown_procedure', message: `No procedure named "${name}"` },
      };
    }
    const procedure = hqProcedures[name];
    try {
      const staff = await staffOfToken(context, token);
      if (procedure.access === 'staff') {
        if (staff === null)
          return { ok: false, error: { code: 'unauthorized', message: 'Sign in first' } };
        if (staff === 'ended') {
          return {
            ok: false,
            error: { code: 'session_expired', message: 'The session has ended: sign in again' },
          };
        }
      }
      const input = procedure.input.safeParse(rawInput ?? {});
      if (!input.success) {
        return {
          ok: false,
          error: {
            code: 'invalid_input',
            message: `Invalid input for ${name}`,
            issues: issuesFromZod(input.error),
          },
        };
      }
      const caller: HqCaller = {
        staff: staff === 'ended' ? null : staff,
        token,
        client,
      };
      const handler = handlers[name] as (input: unknown, caller: HqCaller) => unknown;
      const output = procedure.output.safeParse(await handler(input.data, caller));
      if (!output.success) {
        log.error(`Output of ${name} does not match the contract`, output.error.issues);
        return { ok: false, error: { code: 'internal', message: 'Internal error' } };
      }
      return { ok: true, result: output.data };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toBody() };
      log.error(`Head-office procedure ${name} failed`, error);
      return { ok: false, error: { code: 'internal', message: 'Internal error' } };
    }
  };
}
