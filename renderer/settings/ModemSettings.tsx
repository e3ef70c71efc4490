import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { baudRates } from '../../shared/modem-bank';
import { api } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { describeError, describeIssue } from '../errors';
import { useApi } from '../use-api';
import { DetectModems } from './DetectModems';
import { addDraftOf, type DetectedDevice } from './detected-modems';

type Configured = ProcedureOutput<'modems.listSettings'>['modems'][number];
type Port = ProcedureOutput<'modems.listPorts'>['ports'][number];
type Carrier = ProcedureOutput<'catalog.list'>['carriers'][number];

interface Form {
  id: string;
  carrierId: string;
  path: string;
  baudRate: string;
  hardwareFlowControl: boolean;
  dealerPin: string;
}

type Field = 'id' | 'carrierId' | 'path' | 'baudRate' | 'dealerPin';

const emptyForm = (carrierId = ''): Form => ({
  id: '',
  carrierId,
  path: '',
  baudRate: '',
  hardwareFlowControl: false,
  dealerPin: '',
});

/**
 * The manager's modem bank: which port holds which carrier's dealer SIM, and its dealer PIN
 * (typed here, never shown again: the core keeps it sealed and only says whether one is set).
 */
export function ModemSettings({ demo }: { demo: boolean }) {
  const { t } = useTranslation();
  const [modems, setModems] = useState<Configured[]>([]);
  const [ports, setPorts] = useState<Port[]>([]);
  const [carriers, setCarriers] = useState<Carrier[]>([]);
  const [form, setForm] = useState<Form>(emptyForm());
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const dealerPinInput = useRef<HTMLInputElement>(null);
  // Set by Add on a detected modem: its PIN is the one thing left to type.
  const [askPin, setAskPin] = useState(0);
  /** The modem whose removal is asked, until the manager answers. */
  const [removing, setRemoving] = useState<Configured | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (askPin > 0) dealerPinInput.current?.focus();
  }, [askPin]);

  const { reload } = useApi(
    () =>
      Promise.all([
        api.call('modems.listSettings', {}),
        api.call('modems.listPorts', {}),
        api.call('catalog.list', {}),
      ]),
    [],
    {
      done([settings, found, catalog]) {
        setModems(settings.modems);
        setPorts(found.ports);
        setCarriers(catalog.carriers);
        setForm((current) =>
          current.carrierId ? current : emptyForm(catalog.carriers[0]?.id ?? ''),
        );
      },
      failed: (error) => setMessage({ ok: false, text: describeError(t, error) }),
    },
  );

  if (demo) {
    return (
      <section className="settings" aria-labelledby="modem-settings-title">
        <h2 id="modem-settings-title">{t('modemSettings.title')}</h2>
        <p className="notice">{t('modemSettings.demo')}</p>
      </section>
    );
  }

  function edit(modem: Configured) {
    setEditing(modem.id);
    setErrors({});
    setMessage(null);
    setForm({
      id: modem.id,
      carrierId: modem.carrierId,
      path: modem.path,
      baudRate: modem.baudRate === null ? '' : String(modem.baudRate),
      hardwareFlowControl: modem.hardwareFlowControl,
      dealerPin: '',
    });
  }

  function addDetected(device: DetectedDevice) {
    const draft = addDraftOf(device, {
      taken: modems.map((modem) => modem.id),
      carrierIds: carriers.map((carrier) => carrier.id),
      currentCarrierId: form.carrierId,
    });
    setEditing(null);
    setErrors({});
    setForm({ ...emptyForm(draft.carrierId), ...draft });
    setMessage({ ok: true, text: t('modemSettings.detect.askPin', { id: draft.id }) });
    setAskPin((count) => count + 1);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    try {
      await api.call('modems.save', {
        id: form.id,
        carrierId: form.carrierId,
        path: form.path,
        baudRate: form.baudRate === '' ? null : (Number(form.baudRate) as Configured['baudRate']),
        hardwareFlowControl: form.hardwareFlowControl,
        ...(form.dealerPin === '' ? {} : { dealerPin: form.dealerPin }),
      });
      setErrors({});
      setEditing(null);
      setForm(emptyForm(form.carrierId));
      setMessage({ ok: true, text: t('modemSettings.saved', { id: form.id }) });
      reload();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_input' && error.issues) {
        setErrors(
          Object.fromEntries(error.issues.map((issue) => [issue.path, describeIssue(t, issue)])),
        );
        setMessage({ ok: false, text: t('settings.invalid') });
      } else {
        setMessage({ ok: false, text: describeError(t, error) });
      }
    }
  }

  const carrierName = (modem: Configured) =>
    carriers.find((c) => c.id === modem.carrierId)?.name ?? modem.carrierId;

  async function remove(id: string) {
    setBusy(true);
    try {
      await api.call('modems.remove', { id });
      setMessage({ ok: true, text: t('modemSettings.removed', { id }) });
      reload();
    } catch (error) {
      setMessage({ ok: false, text: describeError(t, error) });
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  }

  const field = (name: Field, control: ReactNode, hint?: string) => (
    <div className={errors[name] ? 'field field--invalid' : 'field'}>
      <label htmlFor={`modem-${name}`}>{t(`modemSettings.fields.${name}`)}</label>
      {control}
      {hint && <p className="field__hint">{hint}</p>}
      {errors[name] && (
        <p className="field__error" id={`modem-${name}-error`}>
          {errors[name]}
        </p>
      )}
    </div>
  );
  const set = (name: keyof Form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [name]: event.target.value }));

  return (
    <section className="settings" aria-labelledby="modem-settings-title">
      <h2 id="modem-settings-title">{t('modemSettings.title')}</h2>
      <p>{t('modemSettings.intro')}</p>
      {modems.length === 0 ? (
        <p className="notice">{t('modemSettings.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('modemSettings.fields.id')}</th>
              <th>{t('modemSettings.fields.carrierId')}</th>
              <th>{t('modemSettings.fields.path')}</th>
              <th>{t('modemSettings.fields.dealerPin')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {modems.map((modem) => (
              <tr key={modem.id}>
                <td>{modem.id}</td>
                <td>{carrierName(modem)}</td>
                <td>{modem.path}</td>
                <td>
                  {modem.hasDealerPin ? t('modemSettings.pinSet') : t('modemSettings.pinMissing')}
                </td>
                <td>
                  <button type="button" onClick={() => edit(modem)}>
                    {t('modemSettings.edit')}
                  </button>{' '}
                  <button
                    type="button"
                    aria-label={t('modemSettings.removeOne', { id: modem.id })}
                    onClick={() => setRemoving(modem)}
                  >
                    {t('modemSettings.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removing && (
        <ConfirmDialog
          title={t('modemSettings.removeOne', { id: removing.id })}
          question={t('modemSettings.confirmRemove', {
            id: removing.id,
            carrier: carrierName(removing),
            path: removing.path,
          })}
          confirm={t('modemSettings.removeOne', { id: removing.id })}
          working={t('modemSettings.removing')}
          busy={busy}
          onConfirm={() => void remove(removing.id)}
          onCancel={() => setRemoving(null)}
        />
      )}
      <DetectModems carriers={carriers} onAdd={addDetected} />
      <form onSubmit={save} noValidate aria-label={t('modemSettings.formTitle')}>
        <h3>
          {editing ? t('modemSettings.editTitle', { id: editing }) : t('modemSettings.formTitle')}
        </h3>
        {field(
          'id',
          <input
            id="modem-id"
            value={form.id}
            readOnly={editing !== null}
            onChange={set('id')}
            aria-invalid={errors.id ? true : undefined}
          />,
          t('modemSettings.hints.id'),
        )}
        {field(
          'carrierId',
          <select id="modem-carrierId" value={form.carrierId} onChange={set('carrierId')}>
            {carriers.map((carrier) => (
              <option key={carrier.id} value={carrier.id}>
                {carrier.name}
              </option>
            ))}
          </select>,
        )}
        {field(
          'path',
          <>
            <input
              id="modem-path"
              list="modem-ports"
              value={form.path}
              onChange={set('path')}
              aria-invalid={errors.path ? true : undefined}
            />
            <datalist id="modem-ports">
              {ports.map((port) => (
                <option key={port.path} value={port.stablePath ?? port.path}>
                  {[port.manufacturer, port.path].filter(Boolean).join(' — ')}
                </option>
              ))}
            </datalist>
          </>,
          `${t('modemSettings.hints.path')} ${t('modemSettings.hints.hilink')}`,
        )}
        {field(
          'baudRate',
          <select id="modem-baudRate" value={form.baudRate} onChange={set('baudRate')}>
            <option value="">{t('modemSettings.defaultBaudRate')}</option>
            {baudRates.map((rate) => (
              <option key={rate} value={rate}>
                {rate}
              </option>
            ))}
          </select>,
        )}
        <div className="field">
          <label>
            <input
              type="checkbox"
              checked={form.hardwareFlowControl}
              onChange={(event) =>
                setForm((current) => ({ ...current, hardwareFlowControl: event.target.checked }))
              }
            />{' '}
            {t('modemSettings.fields.hardwareFlowControl')}
          </label>
        </div>
        {field(
          'dealerPin',
          <input
            id="modem-dealerPin"
            ref={dealerPinInput}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={form.dealerPin}
            onChange={set('dealerPin')}
            aria-invalid={errors.dealerPin ? true : undefined}
          />,
          editing ? t('modemSettings.hints.keepPin') : t('modemSettings.hints.dealerPin'),
        )}
        <div className="settings__actions">
          <button type="submit">{t('modemSettings.save')}</button>
          {editing && (
            <button
              type="button"
              onClick={() => {
                setEditing(null);
                setErrors({});
                setForm(emptyForm(form.carrierId));
              }}
            >
              {t('modemSettings.cancel')}
            </button>
          )}
        </div>
      </form>
      {message && (
        <p className={message.ok ? 'status status--ok' : 'status status--error'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
