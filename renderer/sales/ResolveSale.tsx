import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import { displayStoredNumber } from '../../shared/customer-number';
import type { SaleView } from '../../shared/sale';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { type Approval, ManagerApproval, noApproval } from '../day/ManagerApproval';
import { type Refusal, readRefusal } from '../day/refusal';
import { describeError, describeIssue } from '../errors';
import { useFormat } from '../format';
import { CardCheck } from './CardCheck';
import { CarrierReplies } from './CarrierReplies';

const outcomes = ['succeeded', 'failed'] as const;
type Outcome = (typeof outcomes)[number];

/** As the journal takes a reason (shared/day.ts reasonSchema): said before asking to confirm. */
const shortestReason = 3;

/**
 * A manager's verdict on a pending sale, once the top-up has been checked: what the carrier
 * answered, the card checked now, then done, or not done and refunded, with why. Nothing is
 * written before the manager confirms it: Enter in the form asks, and never resolves. On a
 * clerk's screen, when the shop asks for it, a manager's name and PIN approve it.
 */
export function ResolveSale({
  sale,
  timeZone,
  onResolved,
  onCancel,
  needsApproval,
}: {
  sale: SaleView;
  timeZone: string;
  needsApproval: boolean;
  onResolved(sale: SaleView): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [approval, setApproval] = useState<Approval>(noApproval);
  const [refusal, setRefusal] = useState<Refusal['approval']>(null);
  const first = useRef<HTMLInputElement>(null);
  const question = useRef<HTMLHeadingElement>(null);
  const reasonField = useRef<HTMLInputElement>(null);
  const wasConfirming = useRef(false);
  const id = `resolve-${sale.id}`;
  const number = displayStoredNumber(sale.msisdn);

  useEffect(() => first.current?.focus(), []);
  // The question takes the focus, not its button: a second Enter resolves nothing.
  // Back from the question, the keyboard goes on where the manager left the form.
  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (wasConfirming.current) reasonField.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  function ask(event: FormEvent) {
    event.preventDefault();
    if (confirming) return;
    if (!outcome) {
      setProblem(t('sales.resolveChoose'));
      return;
    }
    if (reason.trim().length < shortestReason) {
      setProblem(t('validation.too_small', { limit: shortestReason }));
      return;
    }
    setProblem(null);
    setConfirming(true);
  }

  async function resolve() {
    if (!outcome) return;
    setBusy(true);
    setProblem(null);
    setRefusal(null);
    try {
      const manager = needsApproval ? { manager: approval } : {};
      onResolved(
        (await api.call('sales.resolve', { id: sale.id, outcome, reason, ...manager })).sale,
      );
    } catch (error) {
      setConfirming(false);
      const refused = needsApproval ? readRefusal(error).approval : null;
      if (refused) {
        setRefusal(refused);
        setApproval((current) => ({ ...current, pin: '' }));
      } else if (error instanceof ApiError && error.code === 'invalid_input' && error.issues?.[0]) {
        setProblem(describeIssue(t, error.issues[0]));
      } else if (error instanceof ApiError && error.code === 'conflict') {
        setProblem(t('sales.resolveConflict'));
      } else {
        setProblem(describeError(t, error));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="resolve">
      <CarrierReplies sale={sale} timeZone={timeZone} />
      <CardCheck sale={sale} timeZone={timeZone} />
      <form
        onSubmit={ask}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          if (confirming) setConfirming(false);
          else onCancel();
        }}
        noValidate
      >
        <fieldset disabled={confirming}>
          <legend>{t('sales.resolveTitle', { number })}</legend>
          {outcomes.map((value, index) => (
            <label key={value} className="payment__method">
              <input
                ref={index === 0 ? first : undefined}
                type="radio"
                name={`${id}-outcome`}
                value={value}
                checked={outcome === value}
                onChange={() => setOutcome(value)}
              />
              {t(`sales.resolveAs.${value}`)}
            </label>
          ))}
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('sales.resolveReason')}</label>
            <input
              id={`${id}-reason`}
              ref={reasonField}
              maxLength={200}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
            <p className="field__hint">{t('sales.resolveReasonHint')}</p>
          </div>
          {needsApproval && (
            <ManagerApproval
              id={`${id}-approval`}
              value={approval}
              problem={refusal}
              onChange={setApproval}
            />
          )}
        </fieldset>
        {confirming && outcome ? (
          <section className="resolve__confirm" aria-labelledby={`${id}-confirm`}>
            <h3 id={`${id}-confirm`} ref={question} tabIndex={-1}>
              {t('pending.confirm.title', { number, plan: sale.planName })}
            </h3>
            <p>{t(`sales.resolveAs.${outcome}`)}</p>
            <p>{t('pending.confirm.reason', { reason: reason.trim() })}</p>
            {outcome === 'failed' && (
              <p className="resolve__refund">
                {t('pending.confirm.refund', { amount: format.money(sale.price) })}
              </p>
            )}
            <p>{t('pending.confirm.final')}</p>
            <div className="settings__actions">
              <button type="button" disabled={busy} onClick={resolve}>
                {t('pending.confirm.yes')}
              </button>
              <button
                type="button"
                className="button--secondary"
                onClick={() => setConfirming(false)}
              >
                {t('pending.confirm.back')}
              </button>
              {problem && <ProblemLine>{problem}</ProblemLine>}
            </div>
          </section>
        ) : (
          <div className="settings__actions">
            <button type="submit">{t('sales.resolveSubmit')}</button>
            <button type="button" className="button--secondary" onClick={onCancel}>
              {t('sales.resolveCancel')}
            </button>
            {problem && <ProblemLine>{problem}</ProblemLine>}
          </div>
        )}
      </form>
    </div>
  );
}
