/**
 * How the demo network writes amounts, data and dates in its texts: French conventions
 * ("250 000 XPF", "3,2 Go", "30/11/2026 23:59") and a Chinese date ("2026年11月30日").
 * Plain string building, so the output does not depend on the host's locale data.
 */

/** Replaces each {name} by its value; unknown placeholders are left as written. */
export function fillText(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** "250 000 XPF"; with decimals, "1 234,50 EUR". Digits grouped by a plain space (GSM 7-bit has no narrow one). */
export function formatAmount(amount: number, currency: { code: string; decimals: number }): string {
  const sign = amount < 0 ? '-' : '';
  const scale = 10 ** currency.decimals;
  const whole = Math.floor(Math.abs(amount) / scale);
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const cents =
    currency.decimals > 0
      ? `,${String(Math.abs(amount) % scale).padStart(currency.decimals, '0')}`
      : '';
  return `${sign}${grouped}${cents} ${currency.code}`;
}

/** Megabytes as gigabytes with one decimal, in French ("3,2 Go") and English ("3.2GB"). */
export function formatData(megabytes: number): { fr: string; en: string } {
  const tenths = Math.round((megabytes * 10) / 1024);
  const whole = Math.floor(tenths / 10);
  const decimal = tenths % 10;
  return decimal === 0
    ? { fr: `${whole} Go`, en: `${whole}GB` }
    : { fr: `${whole},${decimal} Go`, en: `${whole}.${decimal}GB` };
}

/** "2026-11-30T23:59" → "30/11/2026 23:59". */
export function formatDateFr(wallClock: string): string {
  const [date = '', time = ''] = wallClock.split('T');
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year} ${time.slice(0, 5)}`;
}

/** "2026-11-30T23:59" → "2026年11月30日". */
export function formatDateZh(wallClock: string): string {
  const [year = '', month = '', day = ''] = wallClock.slice(0, 10).split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** The network's wall clock `plusDays` after `instant`, as "YYYY-MM-DDTHH:mm:ss". */
export function localWallClock(instant: Date, offsetMinutes: number, plusDays = 0): string {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000 + plusDays * 86_400_000);
  return shifted.toISOString().slice(0, 19);
}

/** The same instant as an ISO 8601 string with the network's offset, as SMS timestamps want. */
export function networkTimestamp(instant: Date, offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(offsetMinutes);
  const zone = `${sign}${String(Math.floor(offset / 60)).padStart(2, '0')}:${String(offset % 60).padStart(2, '0')}`;
  return `${localWallClock(instant, offsetMinutes)}${zone}`;
}
