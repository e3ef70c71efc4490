import type { TFunction } from 'i18next';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { HubNetwork as Network } from '../../shared/counters';
import { api } from '../api';
import { type FormMessage, FormStatus, ProblemLine } from '../components/FormStatus';
import { LabelledField } from '../components/LabelledField';
import { describeError, describeIssue } from '../errors';

export type HubStatus = ProcedureOutput<'counters.get'>;

type Field = 'address' | 'port';

/** The port as typed: a number when it is one, else as typed, for the hub to refuse by name. */
const portOf = (typed: string) =>
  (/^\d+$/.test(typed.trim()) ? Number(typed) : typed) as unknown as Network['port'];

/** Why the hub could not listen, by the hub's code for it (any other text is shown as it is). */
function problemWords(t: TFunction, problem: string): string {
  switch (problem) {
    case 'address_not_here':
      return t('counters.network.problems.addressNotHere');
    case 'port_taken':
      return t('counters.network.problems.portTaken');
    case 'listen_failed':
      return t('counters.network.problems.listenFailed');
    default:
      return problem;
  }
}

/**
 * "Open the hub to the shop's network": on or off, on which of this machine's addresses and
 * port (TLS only; this PC itself keeps using Comptoir as before). Then where counters join it,
 * big, or why the hub could not listen there.
 */
export function HubNetwork({
  status,
  onSaved,
}: {
  status: HubStatus;
  onSaved(next: HubStatus): void;
}) {
  const { t } = useTranslation();
  const addressesId = useId();
  const [open, setOpen] = useState(status.network.open);
  const [address, setAddress] = useState(status.network.address);
  const [port, setPort] = useState(String(status.network.port));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<FormMessage>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const next = await api.call('counters.setNetwork', {
        open,
        address: address.trim(),
        port: portOf(port),
      });
      setErrors({});
      onSaved(next);
      setMessage(
        next.problem
          ? null
          : { tone: 'ok', lines: [t(open ? 'counters.opened' : 'counters.closed')] },
      );
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_input' && error.issues) {
        const found: Partial<Record<Field, string>> = {};
        for (const issue of error.issues) {
          const field: Field = issue.path.startsWith('port') ? 'port' : 'address';
          found[field] ??=
            field === 'address' ? t('counters.network.badAddress') : describeIssue(t, issue);
        }
        setErrors(found);
      } else {
        setErrors({});
        setMessage({ tone: 'error', lines: [describeError(t, error)] });
      }
    } finally {
      setBusy(false);
    }
  }

  const { network, url, problem } = status;
  return (
    <div className="hub-network">
      <form onSubmit={save} noValidate aria-labelledby="hub-network-title">
        <h3 id="hub-network-title">{t('counters.network.title')}</h3>
        <label className="hub-network__open">
          <input
            className="hub-network__checkbox"
            type="checkbox"
            checked={open}
            onChange={(event) => setOpen(event.target.checked)}
          />
          {t('counters.network.open')}
        </label>
        <div className="hub-network__where">
          <LabelledField
            id="hub-address"
            label={t('counters.network.address')}
            hint={
              status.addresses.length > 0
                ? t('counters.network.addressHint', { addresses: status.addresses.join(', ') })
                : t('counters.network.noAddress')
            }
            error={errors.address}
          >
            {(control) => (
              <input
                {...control}
                list={addressesId}
                autoComplete="off"
                spellCheck={false}
                value={address}
                onChange={(event) => setAddress(event.target.value)}
              />
            )}
          </LabelledField>
          <datalist id={addressesId}>
            {status.addresses.map((choice) => (
              <option key={choice} value={choice} />
            ))}
          </datalist>
          <LabelledField id="hub-port" label={t('counters.network.port')} error={errors.port}>
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="numeric"
                min={1024}
                max={65535}
                value={port}
                onChange={(event) => setPort(event.target.value)}
              />
            )}
          </LabelledField>
        </div>
        <div className="settings__actions">
          <button type="submit" disabled={busy}>
            {busy ? t('counters.network.saving') : t('counters.network.save')}
          </button>
          <FormStatus message={message} />
        </div>
      </form>
      {network.open && url && (
        <div className="hub-network__url">
          <p>{t('counters.network.joinAt')}</p>
          <p className="hub-network__address" data-testid="hub-url">
            {url}
          </p>
        </div>
      )}
      {network.open && problem && (
        <ProblemLine>
          {t('counters.network.problem', {
            where: `${network.address}:${network.port}`,
            problem: problemWords(t, problem),
          })}
        </ProblemLine>
      )}
      {!network.open && <p className="notice">{t('counters.network.closedNow')}</p>}
    </div>
  );
}
