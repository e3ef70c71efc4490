import { ApiError, type ApiIssue } from '../../shared/api/errors';

/** A close or an export refused, sorted by the part of the form that has to change. */
export interface Refusal {
  /** Dealer SIMs whose closing balance the carrier could not give: typed by hand, then again. */
  unreadDealers: string[];
  reason: ApiIssue | null;
  /** The manager's name and PIN: malformed, not a manager's, or tried too often. */
  approval: ApiIssue | 'wrong' | 'too_many' | null;
  /** Anything else (a top-up being sent, the host gone): said for the whole form. */
  general: boolean;
}

/** Reads what the core answered to day.close or day.export. */
export function readRefusal(error: unknown): Refusal {
  const refusal: Refusal = { unreadDealers: [], reason: null, approval: null, general: false };
  if (!(error instanceof ApiError)) return { ...refusal, general: true };
  if (error.code === 'forbidden') return { ...refusal, approval: 'wrong' };
  if (error.code === 'rate_limited') return { ...refusal, approval: 'too_many' };
  if (error.code !== 'invalid_input') return { ...refusal, general: true };
  const issues = error.issues ?? [];
  if (issues.length === 0) return { ...refusal, general: true };
  for (const issue of issues) {
    const modemId = issue.params?.modemId;
    if (issue.path === 'dealerBalances' && typeof modemId === 'string') {
      refusal.unreadDealers.push(modemId);
    } else if (issue.path === 'reason') {
      refusal.reason ??= issue;
    } else if (issue.path.startsWith('manager')) {
      refusal.approval ??= issue;
    } else {
      refusal.general = true;
    }
  }
  return refusal;
}
