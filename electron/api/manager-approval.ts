import { ApiError } from '../../shared/api/errors';
import type { User } from '../store/users';
import { type Caller, signedInUser } from './dispatcher';

/** Checks a manager's name and PIN typed at the counter (rate-limited as a sign-in is). */
export type CheckManager = (name: string, pin: string) => User | null;

/**
 * The manager a manager-only act is done by: the caller when a manager is signed in, else the
 * manager whose name and PIN the clerk's screen passed along (e.g. to close the day at the
 * counter without signing the clerk out).
 */
export function approvingManager(
  caller: Caller,
  approval: { name: string; pin: string } | undefined,
  check: CheckManager,
): User {
  const user = signedInUser(caller);
  if (user.role === 'manager') return user;
  const manager = approval ? check(approval.name, approval.pin) : null;
  if (manager?.role !== 'manager') {
    throw new ApiError('forbidden', 'A manager must do this (or type their name and PIN)');
  }
  return manager;
}
