/**
 * A date and time as receipts print them and screens show them: local to the shop's IANA zone
 * (not the machine's), in the reader's language, with the month as a word so that nobody reads 03/04 the wrong way round,
 * and a 24-hour clock: "Jan 14, 2025" / "14 janv. 2025" / "2025年1月14日" and "14:30".
 */
export function formatLocalDateTime(
  instantText: string,
  timeZone: string,
  language: string,
): { date: string; time: string } {
  const instant = new Date(instantText);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date: ${instantText}`);
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
