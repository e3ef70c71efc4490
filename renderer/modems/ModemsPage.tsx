import { useTranslation } from 'react-i18next';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { secondsLeft } from './modem-wait';
import { useModems, useSecondTicks } from './use-modems';

/** What a signal quality reading can show at most (AT+CSQ read as 0 to 4 bars). */
const maxBars = 4;

/** The modem bank as it is now: each modem's state, network and signal, and what is wrong. */
export function ModemsPage() {
  const { t } = useTranslation();
  const { modems, error } = useModems();
  const problem = error === null ? null : describeError(t, error);
  const now = useSecondTicks(modems?.some((modem) => modem.state === 'waiting') ?? false);

  return (
    <section className="modems">
      <h1>{t('modems.title')}</h1>
      {problem && <ProblemLine>{problem}</ProblemLine>}
      {modems === null ? (
        !problem && <p>{t('app.loading')}</p>
      ) : modems.length === 0 ? (
        <p>{t('modems.none')}</p>
      ) : (
        <table className="modems__table">
          <thead>
            <tr>
              <th scope="col">{t('modems.modem')}</th>
              <th scope="col">{t('receipt.carrier')}</th>
              <th scope="col">{t('modems.state')}</th>
              <th scope="col">{t('modems.operator')}</th>
              <th scope="col">{t('modems.signal')}</th>
              <th scope="col">{t('modems.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {modems.map((modem) => (
              <tr key={modem.id} data-testid={`modem-${modem.id}`}>
                <th scope="row">
                  {modem.id}
                  <span className="modems__model">
                    {[modem.manufacturer, modem.model].filter(Boolean).join(' ')}
                    {modem.simulated && ` (${t('modems.simulated')})`}
                  </span>
                </th>
                <td>{modem.carrierId}</td>
                <td>
                  <span className={`badge badge--modem-${modem.state}`}>
                    {t(`modems.states.${modem.state}`)}
                  </span>
                </td>
                <td>{modem.operator ?? ''}</td>
                <td>
                  {modem.signalBars === null
                    ? ''
                    : t('modems.bars', { bars: modem.signalBars, max: maxBars })}
                </td>
                {/* The modem's own words: technical detail for whoever fixes it. */}
                <td className="modems__problem">
                  {modem.state === 'waiting' && modem.waitingUntil !== null
                    ? t('modems.waitingLeft', { seconds: secondsLeft(modem.waitingUntil, now) })
                    : (modem.problem ?? '')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
