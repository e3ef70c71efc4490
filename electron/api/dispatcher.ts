import type { Outcome } from '../../shared/api/bridge';
import {
  type Access,
  isProcedureName,
  type ProcedureName,
  type ProcedureOutput,
  procedures,
  type ValidInput,
} from '../../shared/api/contract';
import { ApiError, type ApiErrorBody, issuesFromZod } from '../../shared/api/errors';
import type { Till } from '../../shared/counters';
import type { User } from '../../shared/user';
import { type SessionState, userOfSession } from '../auth/sessions';
import type { Logger } from '../log';

/**
 * Who is calling: the signed-in user (null for a public call), their token, and the client the
 * call came from as its transport names it (`http:<address>`, `window:<id>`): wrong PINs are
 * slowed down per client.
 */
export interface Caller {
  user: User | null;
  token: string | null;
  client: string;
  /** The till the call is made at: a paired counter's, or the hub's own for this machine. */
  till: Till;
  /**
   * The manager whose name and PIN a clerk's call carried, once `permit` (electron/auth/
   * permissions.ts) has checked them for the act: what the audit trail names as the approver.
   */
  approvedBy?: User;
}

/**
 * The signed-in user of a call to a `user` or `manager` procedure (the dispatcher has checked
 * there is one; this says so to the types, and refuses if a handler is ever called otherwise).
 */
export function signedInUser(caller: Caller): User {
  if (!caller.user) throw new ApiError('unauthorized', 'Sign in first');
  return caller.user;
}

export type Handlers = {
  [N in ProcedureName]: (
    input: ValidInput<N>,
    caller: Caller,
  ) => ProcedureOutput<N> | Promise<ProcedureOutput<N>>;
};

/**
 * `token` is the bearer token the transport carried, if any; `client` who it came from (a call
 * made inside the process, as tests do, is `local`); `device` the paired counter whose
 * credential the transport checked (none: this machine, the hub's own till).
 */
export type Dispatch = (
  name: string,
  input: unknown,
  token?: string | null,
  client?: string,
  device?: string | null,
) => Promise<Outcome>;

interface DispatcherOptions {
  log: Logger;
  /**
   * What a bearer token stands for at the call's till (a session signed in at another till
   * stands for nobody); a live session is renewed by the call.
   */
  sessionOf(token: string | null, till: string): SessionState;
  /** Whether the shop has any user yet (before: first run, `setup` procedures are open). */
  hasUsers(): boolean;
  /** The till of a call from `device` (none: the hub's); null for a device no longer paired. */
  tillOf(device: string | null): Till | null;
}

/** Checks the procedure's access against the caller; null when allowed. */
function refusal(
  access: Access,
  session: SessionState,
  hasUsers: () => boolean,
): ApiErrorBody | null {
  if (access === 'public' || (access === 'setup' && !hasUsers())) return null;
  if (session === 'ended') {
    return { code: 'session_expired', message: 'The session has ended: sign in again' };
  }
  const user = session?.user;
  if (!user) return { code: 'unauthorized', message: 'Sign in first' };
  if ((access === 'manager' || access === 'setup') && user.role !== 'manager') {
    return { code: 'forbidden', message: 'A manager must do this' };
  }
  return null;
}

/**
 * The one place a call crosses into the core, whatever the transport: the input is parsed by the
 * procedure's schema (nothing runs on bad input), the handler runs, and its output is checked
 * against the contract before it leaves. Unexpected failures are logged and answered without
 * their stack.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions): Dispatch {
  const { log } = options;
  return async (name, rawInput, token = null, client = 'local', device = null) => {
    if (!isProcedureName(name)) {
      return {
        ok: false,
        error: { code: 'unknown_procedure', message: `No procedure named "${name}"` },
      };
    }
    const till = options.tillOf(device);
    if (!till) {
      return {
        ok: false,
        error: {
          code: 'device_unpaired',
          message: 'This counter is no longer paired with the hub',
        },
      };
    }
    const procedure = procedures[name];
    const session = options.sessionOf(token, till.id);
    const refused = refusal(procedure.access, session, options.hasUsers);
    const user = userOfSession(session);
    if (refused) return { ok: false, error: refused };
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
    try {
      const handler = handlers[name] as (input: unknown, caller: Caller) => unknown;
      const result = await handler(input.data, { user, token, client, till });
      const output = procedure.output.safeParse(result);
      if (!output.success) {
        log.error(`Output of ${name} does not match the contract`, output.error.issues);
        return { ok: false, error: { code: 'internal', message: 'Internal error' } };
      }
      return { ok: true, result: output.data };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toBody() };
      log.error(`Procedure ${name} failed`, error);
      return { ok: false, error: { code: 'internal', message: 'Internal error' } };
    }
  };
}
