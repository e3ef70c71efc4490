/**
 * The date and time a receipt prints: local to the shop's IANA zone (not the machine's), in the
 * receipt's language, with the month as a word so that nobody reads 03/04 the wrong way round,
 * and a 24-hour clock: "Jan 14, 2025" / "14 janv. 2025" / "2025年1月14日" and "14:30".
 */
export function formatReceiptDateTime(
  issuedAt: string,
  timeZone: string,
  language: string,
): { date: string; time: string } {
  const instant = new Date(issuedAt);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date: ${issuedAt}`);
  const date = new Intl.DateTimeFormat(language, {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(instant);
  const time = new Intl.DateTimeFormat(language, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return { date, time };
}
