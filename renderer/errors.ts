import type { TFunction } from 'i18next';
import { ApiError, type ApiIssue } from '../shared/api/errors';

/** The message a clerk reads for one invalid field. */
export function describeIssue(t: TFunction, issue: ApiIssue): string {
  const limit = issue.params?.limit;
  if (issue.code === 'too_small' && limit === 1) return t('validation.required');
  const key = `validation.${issue.code}`;
  return t(key, { ...issue.params, defaultValue: t('validation.invalid') });
}

/** The message for a failed call that is not about one field. */
export function describeError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'unreachable') return t('errors.unreachable');
    if (error.code === 'internal') return t('errors.internal');
    if (error.code === 'forbidden') return t('errors.forbidden');
    if (error.code === 'database_damaged') return t('errors.databaseDamaged');
    if (error.code === 'session_expired') return t('errors.sessionExpired');
    if (error.code === 'user_locked') return t('errors.userLocked');
    if (error.code === 'rate_limited') {
      return t('errors.rateLimited', { count: Number(error.params?.retryAfter ?? 1) });
    }
    if (error.code === 'no_modem' && error.params?.reason === 'float')
      return t('errors.noModemFloat');
    if (error.code === 'no_modem' && error.params?.reason === 'cap') return t('errors.noModemCap');
    if (error.code === 'no_modem') return t('errors.noModem');
    if (error.code === 'number_busy') {
      const till = String(error.params?.till ?? '');
      return error.params?.status === 'unknown'
        ? t('tills.numberHeldUnknown', { till })
        : t('tills.numberBusy', { till });
    }
    if (error.code === 'device_unpaired') return t('pairing.unpaired');
    if (error.code === 'managed_by_head_office') return t('centralCatalog.managedRefused');
    if (error.code === 'pairing_refused') return t('pairing.refused');
    if (error.code === 'in_progress') {
      return t('errors.inProgress', { seconds: error.params?.retryAfter ?? 1 });
    }
    // A field's issue where the form has no field for it (money in another currency).
    const issue = error.code === 'invalid_input' ? error.issues?.[0] : undefined;
    if (issue) return describeIssue(t, issue);
    if (error.code === 'printer_failed')
      return t('printers.printFailed', { message: error.message });
    return t('errors.other', { message: error.message });
  }
  return t('errors.internal');
}

/**
 * The message for a sale's call that failed: as any call's, but a counter that cannot reach its
 * hub says so in the hub's words.
 */
export function describeSaleError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code === 'unreachable')
    return t('counterMode.unreachable');
  return describeError(t, error);
}
