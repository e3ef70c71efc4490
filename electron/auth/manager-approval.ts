import { ApiError } from '../../shared/api/errors';
import type { User } from '../../shared/user';
import { type Caller, signedInUser } from '../api/dispatcher';
import type { CheckPin } from './pin-guard';

/**
 * The manager a manager-only act is done by: the caller when a manager is signed in, else the
 * manager whose name and PIN the clerk's screen passed along (e.g. to close the day at the
 * counter without signing the clerk out), checked at the caller's client by `check` (the
 * approvals' own count of wrong PINs, apart from sign-ins').
 */
export function approvingManager(
  caller: Caller,
  approval: { name: string; pin: string } | undefined,
  check: CheckPin,
): User {
  const user = signedInUser(caller);
  if (user.role === 'manager') return user;
  const manager = approval ? check(approval.name, approval.pin, caller.client) : null;
  if (manager?.role !== 'manager') {
    throw new ApiError('forbidden', 'A manager must do this (or type their name and PIN)');
  }
  return manager;
}
