import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { type FormMessage, FormStatus, ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { useApi } from '../use-api';
import { FloatWatchForm } from './FloatWatchForm';
import {
  type ActionRequest,
  actionRequest,
  type HealthAction,
  healthActions,
} from './health-actions';
import type { DealerFloat } from './modem-alerts';
import type { Modem } from './modem-wait';
import { newestFirst, timelineEventKey } from './timeline';

function send(request: ActionRequest): Promise<unknown> {
  switch (request.procedure) {
    case 'modems.heal':
      return api.call('modems.heal', request.input);
    case 'modems.setInService':
      return api.call('modems.setInService', request.input);
    case 'modems.confirmSim':
      return api.call('modems.confirmSim', request.input);
  }
}

/**
 * One modem in detail: which SIM and link it is, a changed SIM side by side with its own, and
 * for a manager the actions (each asked for confirmation, each with a line saying how it went)
 * and the modem's history, newest first.
 */
export function ModemDetails({
  modem,
  float,
  manager,
  timeOf,
  headingId,
}: {
  modem: Modem;
  /** Its dealer SIM's float; undefined until the floats are listed. */
  float: DealerFloat | undefined;
  manager: boolean;
  timeOf(instant: string): string;
  headingId: string;
}) {
  const { t } = useTranslation();
  const [asked, setAsked] = useState<HealthAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormMessage>(null);
  // Read again when the modem moves to another state: a step of its history was just written.
  const timeline = useApi(manager ? () => api.call('modems.timeline', { id: modem.id }) : null, [
    manager,
    modem.id,
    modem.since,
  ]);

  async function carryOut(action: HealthAction) {
    const request = actionRequest(action, modem);
    if (request === null) return;
    setBusy(true);
    try {
      await send(request);
      setResult({ tone: 'ok', lines: [t(`modems.done.${action}`, { id: modem.id })] });
      timeline.reload();
    } catch (error) {
      const problem = describeError(t, error);
      setResult({ tone: 'error', lines: [t('modems.actionFailed', { id: modem.id, problem })] });
    } finally {
      setBusy(false);
      setAsked(null);
    }
  }

  const entries = timeline.value ? newestFirst(timeline.value.entries) : null;
  return (
    <section className="modem-details" id="modem-details" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('modems.detailsTitle', { id: modem.id })}</h2>
      <dl className="modem-details__facts">
        <dt>{t('modems.link')}</dt>
        <dd>{t(`modems.links.${modem.link}`)}</dd>
        <dt>{t('modems.iccid')}</dt>
        <dd>{modem.iccid ?? t('modems.notRead')}</dd>
        <dt>{t('modems.imei')}</dt>
        <dd>{modem.imei ?? t('modems.notRead')}</dd>
      </dl>
      {modem.simChange && (
        <div className="modem-details__sim-change" data-testid="sim-change">
          <p>{t('modems.simChange')}</p>
          <dl className="modem-details__facts">
            <dt>{t('modems.expectedIccid')}</dt>
            <dd>{modem.simChange.expectedIccid}</dd>
            <dt>{t('modems.foundIccid')}</dt>
            <dd>{modem.simChange.foundIccid}</dd>
          </dl>
        </div>
      )}
      {manager && (
        <>
          <h3>{t('modems.actionsTitle')}</h3>
          <div className="modem-details__actions">
            {healthActions(modem).map((action) => (
              <button
                key={action}
                type="button"
                className={
                  action === 'take-out' ? 'modem-action modem-action--secondary' : 'modem-action'
                }
                disabled={busy}
                onClick={() => {
                  setResult(null);
                  setAsked(action);
                }}
              >
                {t(`modems.actions.${action}`)}
              </button>
            ))}
          </div>
          <FormStatus message={result} />
          {float && <FloatWatchForm float={float} />}
          {asked && (
            <ConfirmDialog
              title={t('modems.confirmTitle', { id: modem.id })}
              question={t(`modems.confirm.${asked}`, {
                id: modem.id,
                expected: modem.simChange?.expectedIccid ?? '',
                found: modem.simChange?.foundIccid ?? '',
              })}
              busy={busy}
              onConfirm={() => void carryOut(asked)}
              onCancel={() => setAsked(null)}
            />
          )}
          <h3>{t('modems.timeline')}</h3>
          {timeline.error !== null && (
            <ProblemLine>
              {t('modems.timelineProblem', { problem: describeError(t, timeline.error) })}
            </ProblemLine>
          )}
          {entries === null ? (
            timeline.error === null && <p>{t('app.loading')}</p>
          ) : entries.length === 0 ? (
            <p>{t('modems.timelineEmpty')}</p>
          ) : (
            <table className="modem-details__timeline" data-testid="modem-timeline">
              <thead>
                <tr>
                  <th scope="col">{t('modems.timelineWhen')}</th>
                  <th scope="col">{t('modems.timelineWhat')}</th>
                  <th scope="col">{t('modems.timelineDetail')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry, index) => (
                  // Entries have no id: two alike at one instant are told apart by their place.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <tr key={`${entry.at}-${entry.event}-${index}`}>
                    <td>{timeOf(entry.at)}</td>
                    <td>{t(timelineEventKey(entry.event))}</td>
                    {/* The modem's or the step's own words: technical text, shown as is. */}
                    <td className="modems__problem">{entry.detail ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
