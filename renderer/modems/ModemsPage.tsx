import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { useFormat } from '../format';
import { FloatAlertsForm } from './FloatAlertsForm';
import { ModemDetails } from './ModemDetails';
import type { DealerFloat } from './modem-alerts';
import { secondsLeft } from './modem-wait';
import { SignalChart } from './SignalChart';
import { maxBars } from './signal-chart';
import { useActivity, useFloats, useModems, useSecondTicks, useShopTime } from './use-modems';

/**
 * The modem bank's health screen: each modem's state and since when, its signal and how it went
 * lately, its dealer SIM's float, its top-ups today and what is wrong; a modem's details hold its
 * history and, for a manager, what can be done to it.
 */
export function ModemsPage({ manager }: { manager: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { modems, error } = useModems();
  const { floats, error: floatsError } = useFloats();
  const { activity, error: activityError } = useActivity();
  const timeOf = useShopTime();
  const [opened, setOpened] = useState<string | null>(null);
  const detailsHeading = useId();
  const problem = error === null ? null : describeError(t, error);
  const now = useSecondTicks(modems?.some((modem) => modem.state === 'waiting') ?? false);
  const shown = modems?.find((modem) => modem.id === opened) ?? null;

  const floatOf = (float: DealerFloat | undefined) => {
    if (float === undefined) return '';
    return (
      <>
        {float.balance === null ? t('modems.floatUnread') : format.money(float.balance)}
        {float.low && <span className="badge badge--float-low">{t('modems.floatLow')}</span>}
        {float.lowThreshold !== null && (
          <span className="modems__note">
            {t('modems.floatThreshold', { amount: format.money(float.lowThreshold) })}
          </span>
        )}
      </>
    );
  };

  return (
    <section className="modems">
      <h1>{t('modems.title')}</h1>
      {problem && <ProblemLine>{problem}</ProblemLine>}
      {floatsError !== null && (
        <ProblemLine>
          {t('modems.floatsProblem', { problem: describeError(t, floatsError) })}
        </ProblemLine>
      )}
      {activityError !== null && (
        <ProblemLine>
          {t('modems.activityProblem', { problem: describeError(t, activityError) })}
        </ProblemLine>
      )}
      {modems === null || timeOf === null ? (
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
              <th scope="col">{t('modems.float')}</th>
              <th scope="col">{t('modems.today')}</th>
              <th scope="col">{t('modems.problem')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('modems.details')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {modems.map((modem) => {
              const today = activity?.find((entry) => entry.modemId === modem.id);
              return (
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
                    <span className="modems__note">
                      {t('modems.since', { time: timeOf(modem.since) })}
                    </span>
                  </td>
                  <td>{modem.operator ?? ''}</td>
                  <td data-testid="signal">
                    {modem.signalBars === null
                      ? ''
                      : t('modems.bars', { bars: modem.signalBars, max: maxBars })}
                    <SignalChart history={modem.signalHistory} timeOf={timeOf} />
                  </td>
                  <td data-testid="float">
                    {floatOf(floats?.find((float) => float.modemId === modem.id))}
                  </td>
                  <td data-testid="today">
                    {today && (
                      <ul className="modems__counts">
                        <li>{t('modems.topUps', { count: today.topUps })}</li>
                        <li>{t('modems.failures', { count: today.failures })}</li>
                        {today.unknown > 0 && (
                          <li>{t('modems.unknownSales', { count: today.unknown })}</li>
                        )}
                      </ul>
                    )}
                  </td>
                  {/* The modem's own words: technical detail for whoever fixes it. */}
                  <td className="modems__problem">
                    {modem.state === 'waiting' && modem.waitingUntil !== null
                      ? t('modems.waitingLeft', { seconds: secondsLeft(modem.waitingUntil, now) })
                      : (modem.problem ?? '')}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button--secondary"
                      aria-expanded={opened === modem.id}
                      aria-controls={opened === modem.id ? 'modem-details' : undefined}
                      aria-label={t('modems.detailsOf', { id: modem.id })}
                      onClick={() => setOpened(opened === modem.id ? null : modem.id)}
                    >
                      {t('modems.details')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown && timeOf && (
        <ModemDetails
          key={shown.id}
          modem={shown}
          float={floats?.find((float) => float.modemId === shown.id)}
          manager={manager}
          timeOf={timeOf}
          headingId={detailsHeading}
        />
      )}
      {manager && <FloatAlertsForm />}
    </section>
  );
}
