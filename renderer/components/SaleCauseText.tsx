import { useTranslation } from 'react-i18next';
import type { SaleCause } from '../../shared/sale-cause';
import { saleCauseLines } from './sale-cause-lines';

/** Why a sale failed or is pending, and what to do, in the clerk's language (saleCauseLines). */
export function SaleCauseText({ cause }: { cause: SaleCause }) {
  const { t } = useTranslation();
  return (
    <div className="sale-cause" data-cause={cause.code}>
      {saleCauseLines(t, cause).map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
