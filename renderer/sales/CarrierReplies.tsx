import { useTranslation } from 'react-i18next';
import type { SaleView } from '../../shared/sale';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { useFormat } from '../format';
import { useApi } from '../use-api';

/**
 * What the carrier answered during a pending sale, in order, from the sale's transcripts, and
 * where it went quiet: the evidence a manager weighs before resolving it.
 */
export function CarrierReplies({ sale, timeZone }: { sale: SaleView; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const read = useApi(() => api.call('sales.listCarrierReplies', { id: sale.id }), [sale.id]);
  const time = (instant: string) => format.dateTime(instant, timeZone).time;
  const moves = read.value?.moves ?? null;
  const replies = moves?.flatMap((move) => move.replies) ?? [];
  const wentPending = moves?.findLast((move) => move.to === 'unknown') ?? null;

  return (
    <section className="resolve__replies" aria-labelledby={`replies-${sale.id}`}>
      <h3 id={`replies-${sale.id}`}>{t('pending.replies.title')}</h3>
      {read.error !== null && <ProblemLine>{describeError(t, read.error)}</ProblemLine>}
      {moves === null ? (
        read.error === null && <p>{t('app.loading')}</p>
      ) : (
        <>
          {replies.length === 0 ? (
            <p>{t('pending.replies.none')}</p>
          ) : (
            <ol className="resolve__reply-list">
              {replies.map((reply, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: replies never move; two may match
                <li key={index}>
                  <span className="resolve__reply-when">
                    {t('pending.replies.when', {
                      time: time(reply.at),
                      via: t(`pending.replies.via.${reply.via}`),
                    })}
                  </span>{' '}
                  <q className="resolve__reply-text">{reply.text}</q>
                </li>
              ))}
            </ol>
          )}
          {wentPending && <p>{t('pending.replies.quietSince', { time: time(wentPending.at) })}</p>}
        </>
      )}
    </section>
  );
}
