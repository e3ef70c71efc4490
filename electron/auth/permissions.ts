import type { ProcedureName } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { Act, Permissions } from '../../shared/permissions';
import type { User } from '../../shared/user';
import { type Caller, type Handlers, signedInUser } from '../api/dispatcher';
import type { CheckPin } from './pin-guard';

/** A manager's name and PIN typed at a clerk's screen. */
export type Approval = { name: string; pin: string } | undefined;

/**
 * Whether the caller may do an act, and by whom it is done: the ONE place the shop's matrix is
 * enforced. A manager always may (no setting can lock the shop out); a clerk as the shop set it:
 * `allowed` (done by the clerk), `approval` (done by the manager whose name and PIN the clerk's
 * screen passed along, checked at the caller's client by the approvals' own count of wrong PINs,
 * apart from sign-ins') or `refused` (a manager must be signed in). Throws `forbidden` otherwise.
 */
export type Permit = (act: Act, caller: Caller, approval: Approval) => User;

export function createPermit(deps: {
  /** The matrix in force, read at each act: a change applies at once. */
  permissions: () => Permissions;
  check: CheckPin;
}): Permit {
  return (act, caller, approval) => {
    const user = signedInUser(caller);
    if (user.role === 'manager') return user;
    const decision = deps.permissions().clerk[act];
    if (decision === 'allowed') return user;
    if (decision === 'refused') {
      throw new ApiError('forbidden', 'A manager must be signed in to do this');
    }
    const manager = approval ? deps.check(approval.name, approval.pin, caller.client) : null;
    if (manager?.role !== 'manager') {
      throw new ApiError('forbidden', 'A manager must do this (or type their name and PIN)');
    }
    return manager;
  };
}

/**
 * The acts of procedures whose handlers do not need to know who did them (the others call
 * `permit` themselves, to record the approving manager): checked before the handler runs.
 */
export const actOfProcedure = {
  'periods.close': 'close_period',
  'audit.export': 'export',
  'archives.create': 'export',
} as const satisfies Partial<Record<ProcedureName, Act>>;

type PermittedName = keyof typeof actOfProcedure;

/** The handlers given, those of `actOfProcedure` asking `permit` first. */
export function permitted<H extends Partial<Handlers>>(handlers: H, permit: Permit): H {
  const wrapped: Partial<Handlers> = { ...handlers };
  for (const name of Object.keys(actOfProcedure) as PermittedName[]) {
    const handler = handlers[name] as Handlers[PermittedName] | undefined;
    if (!handler) continue;
    const act = actOfProcedure[name];
    wrapped[name] = ((input: { manager?: Approval }, caller: Caller) => {
      permit(act, caller, input.manager);
      return (handler as (input: unknown, caller: Caller) => unknown)(input, caller);
    }) as never;
  }
  return wrapped as H;
}
