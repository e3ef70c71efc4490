import { useTranslation } from 'react-i18next';
import { monthText, recentMonths } from './periods';

/** The months a report can be asked for, as a select's options: the last two years, newest first. */
export function MonthOptions({ today }: { today: string }) {
  const { i18n } = useTranslation();
  return recentMonths(today, 24).map((choice) => (
    <option key={choice} value={choice}>
      {monthText(choice, i18n.language)}
    </option>
  ));
}
