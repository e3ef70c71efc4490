import type { Outcome } from '../../shared/api/bridge';
import {
  isProcedureName,
  type ProcedureName,
  type ProcedureOutput,
  procedures,
  type ValidInput,
} from '../../shared/api/contract';
import { ApiError, issuesFromZod } from '../../shared/api/errors';

export type Handlers = {
  [N in ProcedureName]: (input: ValidInput<N>) => ProcedureOutput<N> | Promise<ProcedureOutput<N>>;
};

export type Dispatch = (name: string, input: unknown) => Promise<Outcome>;

export type Logger = Pick<Console, 'error' | 'warn' | 'info'>;

/**
 * The one place a call crosses into the core, whatever the transport: the input is parsed by the
 * procedure's schema (nothing runs on bad input), the handler runs, and its output is checked
 * against the contract before it leaves. Unexpected failures are logged and answered without
 * their stack.
 */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (name, rawInput) => {
    if (!isProcedureName(name)) {
      return {
        ok: false,
        error: { code: 'unknown_procedure', message: `No procedure named "${name}"` },
      };
    }
    const procedure = procedures[name];
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
      const handler = handlers[name] as (input: unknown) => unknown;
      const result = await handler(input.data);
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
