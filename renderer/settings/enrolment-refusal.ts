import type { TFunction } from 'i18next';

/** Why the head office (or the shop, from its answer) refused to enrol, in the shop's words. */
export function enrolmentRefusal(
  t: TFunction,
  params: Record<string, string | number> | undefined,
) {
  const values = {
    headOfficeZone: String(params?.headOfficeZone ?? ''),
    headOfficeCurrency: String(params?.headOfficeCurrency ?? ''),
    shopZone: String(params?.shopZone ?? ''),
    shopCurrency: String(params?.shopCurrency ?? ''),
  };
  if (params?.reason === 'zone_mismatch') return t('sync.zoneMismatch', values);
  if (params?.reason === 'zone_mismatch_answer') return t('sync.zoneMismatchAnswer', values);
  if (params?.reason === 'no_profile') return t('sync.noProfile');
  if (params?.reason === 'rate_limited') {
    return params.retryAfter === undefined
      ? t('sync.tooManyCodesLater')
      : t('sync.tooManyCodes', { seconds: Number(params.retryAfter) });
  }
  return t('sync.refused');
}
