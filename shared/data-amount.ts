/**
 * A data allowance in the reader's language: whole gigabytes as "5 GB", anything else in
 * megabytes ("500 MB"). The words come from `say`, given the translations' dataGb or dataMb.
 */
export function formatDataAmount(
  megabytes: number,
  language: string,
  say: (key: 'dataGb' | 'dataMb', values: { value: string }) => string,
): string {
  const number = new Intl.NumberFormat(language);
  if (megabytes >= 1024 && megabytes % 1024 === 0) {
    return say('dataGb', { value: number.format(megabytes / 1024) });
  }
  return say('dataMb', { value: number.format(megabytes) });
}
