import { ApiError } from '../../shared/api/errors';
import type { Act, Decision, Permissions } from '../../shared/permissions';
import type { User } from '../../shared/user';
import { type Caller, signedInUser } from '../api/dispatcher';
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
export type Permit = (
  act: Act,
  caller: Caller,
  approval: Approval,
  /** The least this one act needs, whatever the shop set (making a manager needs approval). */
  atLeast?: Decision,
) => User;

const strictness: readonly Decision[] = ['allowed', 'approval', 'refused'];

export function createPermit(deps: {
  /** The matrix in force, read at each act: a change applies at once. */
  permissions: () => Permissions;
  check: CheckPin;
}): Permit {
  return (act, caller, approval, atLeast = 'allowed') => {
    const user = signedInUser(caller);
    if (user.role === 'manager') return user;
    const set = deps.permissions().clerk[act];
    const decision = strictness.indexOf(atLeast) > strictness.indexOf(set) ? atLeast : set;
    if (decision === 'allowed') return user;
    if (decision === 'refused') {
      throw new ApiError('forbidden', 'A manager must be signed in to do this');
    }
    const manager = approval ? deps.check(approval.name, approval.pin, caller.client) : null;
    if (manager?.role !== 'manager') {
      throw new ApiError('forbidden', 'A manager must do this (or type their name and PIN)');
    }
    caller.approvedBy = manager;
    return manager;
  };
}
