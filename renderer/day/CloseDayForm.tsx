import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureInput } from '../../shared/api/contract';
import type { DayReportView, ZReportView } from '../../shared/day';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { LabelledField } from '../components/LabelledField';
import { describeError, describeIssue } from '../errors';
import { useFormat } from '../format';
import { CloseConfirmation, type CloseSummary } from './CloseConfirmation';
import { CountSheet } from './CountSheet';
import { readCount, type TypedCount } from './count-sheet';
import { type Approval, ManagerApproval, noApproval } from './ManagerApproval';
import { type Refusal, readRefusal } from './refusal';
import { readTypedAmount } from './typed-amount';

type DealerTyped = Readonly<Record<string, string>>;

/**
 * The close: the drawer counted by denomination against the cash expected, the reason when they
 * differ, the dealer balances the carrier could not give typed by hand, and a manager's name and
 * PIN on a clerk's screen. Submitting only asks the question (the totals, the difference and its
 * reason); the Z report is issued when the confirmation says so, never on a stray Enter.
 */
export function CloseDayForm({
  report,
  needsApproval,
  tillId,
  onClosed,
}: {
  /** The X report the drawer is counted against. */
  report: DayReportView;
  needsApproval: boolean;
  /** Another till's drawer, closed by a manager at the hub; left out, the caller's own. */
  tillId?: string;
  onClosed(z: ZReportView): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { currency } = report.totals.gross;
  const [typed, setTyped] = useState<TypedCount>({});
  const [reason, setReason] = useState('');
  const [unreadDealers, setUnreadDealers] = useState<string[]>([]);
  const [dealerTyped, setDealerTyped] = useState<DealerTyped>({});
  const [approval, setApproval] = useState<Approval>(noApproval);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [local, setLocal] = useState<{ reason?: string; dealers?: boolean; count?: boolean }>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** The close as it will be sent, while its confirmation is asked. */
  const [asking, setAsking] = useState<{
    input: ProcedureInput<'day.close'>;
    summary: CloseSummary;
  } | null>(null);

  const dealersGroup = useRef<HTMLFieldSetElement>(null);

  // The balances to type take the focus as soon as the close asks for them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new SIM asked for moves the focus
  useEffect(() => {
    const inputs = [...(dealersGroup.current?.querySelectorAll('input') ?? [])];
    (inputs.find((input) => input.value === '') ?? inputs[0])?.focus();
  }, [unreadDealers.length]);

  const reading = readCount(currency, typed);
  const expected = report.cash.expected.amount;
  const difference = reading.total - expected;
  const dealerAmounts = unreadDealers.map((modemId) => ({
    modemId,
    read: readTypedAmount(dealerTyped[modemId] ?? '', currency, 'any'),
  }));

  function review(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...(reading.unreadable.length > 0 ? { count: true } : {}),
      ...(difference !== 0 && reason.trim() === ''
        ? { reason: t('day.close.reasonRequired') }
        : {}),
      ...(dealerAmounts.some((dealer) => !dealer.read.ok) ? { dealers: true } : {}),
    };
    setLocal(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    const input: ProcedureInput<'day.close'> = {
      ...(tillId === undefined ? {} : { tillId }),
      counted: reading.lines.map(({ denomination, count }) => ({
        denomination: { amount: denomination, currency },
        count,
      })),
      ...(reason.trim() === '' ? {} : { reason }),
      ...(dealerAmounts.length > 0
        ? {
            dealerBalances: dealerAmounts.flatMap(({ modemId, read }) =>
              read.ok ? [{ modemId, amount: { amount: read.amount, currency } }] : [],
            ),
          }
        : {}),
      ...(needsApproval ? { manager: approval } : {}),
    };
    const money = (amount: number) => ({ amount, currency });
    setAsking({
      input,
      summary: {
        sales: report.totals.sales,
        net: report.totals.net,
        expected: report.cash.expected,
        counted: money(reading.total),
        difference: money(difference),
        reason: reason.trim() === '' ? null : reason.trim(),
        dealerBalances: dealerAmounts.flatMap(({ modemId, read }) =>
          read.ok ? [{ modem: modemId, amount: money(read.amount) }] : [],
        ),
      },
    });
  }

  async function close(input: ProcedureInput<'day.close'>) {
    setBusy(true);
    setRefusal(null);
    try {
      const { z } = await api.call('day.close', input);
      onClosed(z);
    } catch (error) {
      setAsking(null);
      const refused = readRefusal(error);
      setRefusal(refused);
      if (refused.unreadDealers.length > 0) {
        setUnreadDealers((current) => [...new Set([...current, ...refused.unreadDealers])]);
      }
      if (refused.general) setProblem(describeError(t, error));
    } finally {
      setBusy(false);
    }
  }

  const reasonError =
    local.reason ?? (refusal?.reason ? describeIssue(t, refusal.reason) : undefined);
  const differenceClass =
    difference === 0 ? 'close__difference' : 'close__difference close__difference--off';

  return (
    <form className="close" onSubmit={review} noValidate aria-labelledby="close-title">
      <h2 id="close-title">{t('day.close.title')}</h2>
      <p>{t('day.close.intro')}</p>
      <CountSheet
        currency={currency}
        typed={typed}
        reading={reading}
        onChange={(denomination, text) =>
          setTyped((current) => ({ ...current, [denomination]: text }))
        }
        onPastLast={() => document.getElementById('close-reason')?.focus()}
      />
      {local.count && <ProblemLine>{t('day.count.fix')}</ProblemLine>}
      <dl className="close__totals" aria-live="polite">
        <div>
          <dt>{t('day.close.counted')}</dt>
          <dd data-testid="counted-total">{format.money({ amount: reading.total, currency })}</dd>
        </div>
        <div>
          <dt>{t('day.close.expected')}</dt>
          <dd>{format.money(report.cash.expected)}</dd>
        </div>
        <div className={differenceClass}>
          <dt>{t('day.close.difference')}</dt>
          <dd data-testid="count-difference">
            {format.signedMoney({ amount: difference, currency })}
          </dd>
        </div>
      </dl>
      <LabelledField
        id="close-reason"
        label={t('day.close.reason')}
        hint={difference === 0 ? t('day.close.reasonHint') : t('day.close.reasonNeeded')}
        error={reasonError}
      >
        {(control) => (
          <input
            {...control}
            maxLength={200}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </LabelledField>
      {unreadDealers.length > 0 && (
        <fieldset ref={dealersGroup} className="close__dealers">
          <legend>{t('day.close.dealersTitle')}</legend>
          <p className="field__hint">{t('day.close.dealersHint')}</p>
          {dealerAmounts.map(({ modemId, read }) => (
            <LabelledField
              key={modemId}
              id={`close-dealer-${modemId}`}
              label={t('day.dealer.balanceOf', { modem: modemId, currency })}
              error={local.dealers && !read.ok ? t(`day.amount.${read.problem}`) : undefined}
            >
              {(control) => (
                <input
                  {...control}
                  inputMode="decimal"
                  autoComplete="off"
                  maxLength={20}
                  value={dealerTyped[modemId] ?? ''}
                  onChange={(event) =>
                    setDealerTyped((current) => ({ ...current, [modemId]: event.target.value }))
                  }
                />
              )}
            </LabelledField>
          ))}
        </fieldset>
      )}
      {needsApproval && (
        <ManagerApproval
          id="close-approval"
          value={approval}
          problem={refusal?.approval ?? null}
          onChange={setApproval}
        />
      )}
      <div className="settings__actions">
        <button type="submit" disabled={busy}>
          {t('dayClose.review')}
        </button>
        {problem && <ProblemLine>{problem}</ProblemLine>}
      </div>
      {asking && (
        <CloseConfirmation
          summary={asking.summary}
          busy={busy}
          onConfirm={() => close(asking.input)}
          onBack={() => setAsking(null)}
        />
      )}
    </form>
  );
}
