import { useFormat } from '../format';

/** An instant as a shop's local date and 24-hour time, in one line: "07/12/2026 14:05". */
export function useShopTime(): (instant: string, timeZone: string) => string {
  const format = useFormat();
  return (instant, timeZone) => {
    const { date, time } = format.dateTime(instant, timeZone);
    return `${date} ${time}`;
  };
}
