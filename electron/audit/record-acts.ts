import type { ProcedureName } from '../../shared/api/contract';
import { formatActor, type User, userActor } from '../../shared/user';
import type { Caller, Handlers } from '../api/dispatcher';
import type { Logger } from '../log';
import type { AuditedAct, AuditedActs, ReadAs } from './acts';
import { masked } from './mask';
import type { AuditAct } from './trail';

interface Recording {
  /** Appends an entry to the trail of the shop as it is open now (a restore opens another). */
  record(act: AuditAct): void;
  log: Logger;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Wraps each handler the table lists (electron/audit/acts.ts), once, as the database guard wraps
 * them all: the state before is read first with the caller's own rights, the act runs, and only
 * when it succeeded is it recorded with who, the approving manager, before and after (PINs
 * masked). A failure to record is logged and never fails an act that has happened.
 */
export function recordActs(handlers: Handlers, acts: AuditedActs, recording: Recording): Handlers {
  const wrapped = { ...handlers } as Record<string, unknown>;
  for (const [name, rule] of Object.entries(acts) as [ProcedureName, AuditedAct<never>][]) {
    const run = handlers[name] as (input: unknown, caller: Caller) => unknown;
    wrapped[name] = async (input: never, caller: Caller) => {
      const read: ReadAs = async (procedure, readInput) =>
        // biome-ignore lint/suspicious/noExplicitAny: a procedure's handler, by name, as typed in `ReadAs`
        (handlers[procedure] as any)(readInput, caller);
      // What cannot be read before (a new carrier has no profile yet) is recorded as nothing.
      const before = rule.before ? await rule.before(read, input).catch(() => null) : null;
      const result = (await run(input, caller)) as never;
      try {
        const kind = typeof rule.kind === 'function' ? rule.kind(input, result) : rule.kind;
        if (kind === null) return result;
        // Signing in has no caller yet: the user is the one the call signed in.
        const user = caller.user ?? (result as { user?: User }).user ?? null;
        const after = rule.after ? rule.after(result, input) : null;
        const act = {
          actor: user ? formatActor(userActor(user)) : null,
          actorName: user?.name ?? null,
          approvedBy: caller.approvedBy?.name ?? null,
          subject: rule.subject ? String(rule.subject(input, result) ?? '') || null : null,
        };
        recording.record({ ...act, kind, before: masked(before), after: masked(after) });
        if (rule.also) {
          const partBefore = rule.also.part(before);
          const partAfter = rule.also.part(after);
          if (!same(partBefore, partAfter)) {
            recording.record({
              ...act,
              kind: rule.also.kind,
              before: partBefore,
              after: partAfter,
            });
          }
        }
      } catch (error) {
        recording.log.error(`The audit trail could not record ${name}`, error);
      }
      return result;
    };
  }
  return wrapped as Handlers;
}
