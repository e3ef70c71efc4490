import type { TFunction } from 'i18next';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../shared/api/contract';
import { ApiError, type ApiIssue } from '../../shared/api/errors';
import { baudRates, paperWidths, printerKinds } from '../../shared/printer';
import { api } from '../api';
import { type FormMessage, FormStatus } from '../components/FormStatus';
import { type FieldControlProps, LabelledField } from '../components/LabelledField';
import { describeError, describeIssue } from '../errors';
import { useApi } from '../use-api';
import {
  type DraftField,
  draftFields,
  draftOf,
  newDraft,
  type PrinterDraft,
  printerOfDraft,
} from './printer-drafts';

interface DraftList {
  drafts: PrinterDraft[];
  defaultId: string | null;
  autoPrint: boolean;
}

const draftListOf = (setup: ProcedureOutput<'printers.list'>): DraftList => ({
  drafts: setup.printers.map(draftOf),
  defaultId: setup.defaultPrinterId,
  autoPrint: setup.autoPrint,
});

type Status =
  | { kind: 'loading' }
  | { kind: 'signedOut' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'failed'; message: string };

/** Where a field's error is kept: the printer's id and the field. */
const errorKey = (id: string, field: string) => `${id}.${field}`;
const controlId = (id: string, field: string) => `printer-${id}-${field}`;

/** Every field of a printer, in the order the form shows them. */
const shownFields = (draft: PrinterDraft): DraftField[] => [
  'name',
  'kind',
  'paper',
  ...draftFields[draft.kind],
];

const hinted = ['host', 'port', 'path', 'folder', 'deviceName'] as const;
const isHinted = (field: DraftField): field is (typeof hinted)[number] =>
  (hinted as readonly DraftField[]).includes(field);

/**
 * The manager's list of receipt printers, in the settings: add, edit and remove printers of
 * each kind and choose the default one, then save the whole list at once. A clerk sees it; the
 * core refuses their save.
 */
export function PrintersSettings() {
  const { t } = useTranslation();
  const [{ drafts, defaultId, autoPrint }, setList] = useState<DraftList>({
    drafts: [],
    defaultId: null,
    autoPrint: true,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const focusNext = useRef<string | null>(null);

  useApi(
    // Before the shop's first user exists (first run), nobody can be signed in to list them.
    async () => ((await api.call('app.get', {})).hasUsers ? api.call('printers.list', {}) : null),
    [],
    {
      done(setup) {
        if (setup) {
          setList(draftListOf(setup));
          setStatus({ kind: 'idle' });
        } else setStatus({ kind: 'signedOut' });
      },
      failed: (error) => setStatus({ kind: 'unavailable', message: describeError(t, error) }),
    },
  );

  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  function change(
    id: string,
    field: DraftField | 'cashDrawer' | 'chineseFont',
    value: string | boolean,
  ) {
    setList((list) => ({
      ...list,
      drafts: list.drafts.map((draft) => (draft.id === id ? { ...draft, [field]: value } : draft)),
    }));
  }

  function setDefault(id: string | null) {
    setList((list) => ({ ...list, defaultId: id }));
  }

  // The first printer becomes the default, so that a receipt can be printed at once.
  function add() {
    const draft = newDraft(crypto.randomUUID());
    setList((list) => ({
      ...list,
      drafts: [...list.drafts, draft],
      defaultId: list.drafts.length === 0 ? draft.id : list.defaultId,
    }));
    focusNext.current = controlId(draft.id, 'name');
  }

  function remove(id: string) {
    setList((list) => ({
      ...list,
      drafts: list.drafts.filter((draft) => draft.id !== id),
      defaultId: list.defaultId === id ? null : list.defaultId,
    }));
  }

  /** A field's message; ports are numbers, whatever zod's wording for a string would be. */
  function issueMessage(issue: ApiIssue, field: string | undefined): string {
    if (field === 'port') return t('printers.issues.port');
    return t(`printers.issues.${issue.code}`, { defaultValue: describeIssue(t, issue) });
  }

  function showIssues(issues: ApiIssue[]) {
    const next: Record<string, string> = {};
    const problems: string[] = [];
    for (const issue of issues) {
      const [top, index, field] = issue.path.split('.');
      const draft = top === 'printers' ? drafts[Number(index)] : undefined;
      if (draft && field) next[errorKey(draft.id, field)] ??= issueMessage(issue, field);
      else problems.push(issueMessage(issue, undefined));
    }
    setErrors(next);
    setStatus({ kind: 'invalid', problems });
    const firstInvalid = drafts
      .flatMap((draft) => shownFields(draft).map((field) => ({ id: draft.id, field })))
      .find(({ id, field }) => next[errorKey(id, field)]);
    if (firstInvalid) focusNext.current = controlId(firstInvalid.id, firstInvalid.field);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setStatus({ kind: 'saving' });
    try {
      const setup = await api.call('printers.save', {
        printers: drafts.map(printerOfDraft),
        defaultPrinterId: defaultId,
        autoPrint,
      });
      setList(draftListOf(setup));
      setErrors({});
      setStatus({ kind: 'saved' });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_input' && error.issues) {
        showIssues(error.issues);
      } else {
        setStatus({ kind: 'failed', message: describeError(t, error) });
      }
    }
  }

  function field(
    draft: PrinterDraft,
    name: DraftField,
    render: (props: FieldControlProps & { value: string; onChange: OnChange }) => ReactNode,
  ) {
    return (
      <LabelledField
        key={name}
        id={controlId(draft.id, name)}
        label={t(`printers.fields.${name}`)}
        hint={isHinted(name) ? t(`printers.hints.${name}`) : undefined}
        error={errors[errorKey(draft.id, name)]}
      >
        {(props) =>
          render({
            ...props,
            value: draft[name],
            onChange: (event) => change(draft.id, name, event.target.value),
          })
        }
      </LabelledField>
    );
  }

  function kindFields(draft: PrinterDraft) {
    return draftFields[draft.kind].map((name) => {
      if (name === 'baudRate') {
        return field(draft, name, (props) => (
          <select {...props}>
            {baudRates.map((rate) => (
              <option key={rate} value={rate}>
                {rate}
              </option>
            ))}
          </select>
        ));
      }
      const inputMode = name === 'port' ? 'numeric' : undefined;
      return field(draft, name, (props) => (
        <input type="text" inputMode={inputMode} spellCheck={false} {...props} />
      ));
    });
  }

  if (status.kind === 'loading') return null;

  return (
    <section className="printers" aria-labelledby="printers-title">
      <h2 id="printers-title">{t('printers.title')}</h2>
      <p>{t('printers.intro')}</p>
      {status.kind === 'signedOut' && <p className="notice">{t('printers.signInFirst')}</p>}
      {status.kind === 'unavailable' && <FormStatus message={statusMessage(t, status)} />}
      {status.kind !== 'signedOut' && status.kind !== 'unavailable' && (
        <form onSubmit={save} noValidate>
          {drafts.length === 0 && <p>{t('printers.none')}</p>}
          {drafts.map((draft) => (
            <fieldset className="printer" key={draft.id}>
              <legend>{draft.name.trim() || t('printers.unnamed')}</legend>
              {field(draft, 'name', (props) => (
                <input type="text" {...props} />
              ))}
              {field(draft, 'kind', (props) => (
                <select {...props}>
                  {printerKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`printers.kinds.${kind}`)}
                    </option>
                  ))}
                </select>
              ))}
              {field(draft, 'paper', (props) => (
                <select {...props}>
                  {paperWidths.map((paper) => (
                    <option key={paper} value={paper}>
                      {t(`printers.papers.${paper}`)}
                    </option>
                  ))}
                </select>
              ))}
              {kindFields(draft)}
              {(draft.kind === 'tcp' || draft.kind === 'serial') && (
                <label className="printer__drawer">
                  <input
                    type="checkbox"
                    checked={draft.cashDrawer}
                    onChange={(event) => change(draft.id, 'cashDrawer', event.target.checked)}
                  />{' '}
                  {t('printers.cashDrawer')}
                </label>
              )}
              {(draft.kind === 'tcp' || draft.kind === 'serial') && (
                <label className="printer__chinese">
                  <input
                    type="checkbox"
                    checked={draft.chineseFont}
                    onChange={(event) => change(draft.id, 'chineseFont', event.target.checked)}
                  />{' '}
                  {t('printers.chineseFont')}
                </label>
              )}
              <div className="printer__actions">
                <label>
                  <input
                    type="radio"
                    name="printers-default"
                    checked={defaultId === draft.id}
                    onChange={() => setDefault(draft.id)}
                  />{' '}
                  {t('printers.isDefault')}
                </label>
                <button type="button" className="button--quiet" onClick={() => remove(draft.id)}>
                  {t('printers.remove')}
                </button>
              </div>
            </fieldset>
          ))}
          {drafts.length > 0 && (
            <label className="printers__no-default">
              <input
                type="radio"
                name="printers-default"
                checked={defaultId === null}
                onChange={() => setDefault(null)}
              />{' '}
              {t('printers.noDefault')}
            </label>
          )}
          {drafts.length > 0 && (
            <label className="printers__auto-print">
              <input
                type="checkbox"
                checked={autoPrint}
                onChange={(event) =>
                  setList((list) => ({ ...list, autoPrint: event.target.checked }))
                }
              />{' '}
              {t('printers.autoPrint')}
            </label>
          )}
          <div className="settings__actions">
            <button type="button" className="button--quiet" onClick={add}>
              {t('printers.add')}
            </button>
            <button type="submit" disabled={status.kind === 'saving'}>
              {status.kind === 'saving' ? t('printers.saving') : t('printers.save')}
            </button>
            <FormStatus message={statusMessage(t, status)} />
          </div>
        </form>
      )}
    </section>
  );
}

type OnChange = (event: { target: { value: string } }) => void;

function statusMessage(t: TFunction, status: Status): FormMessage {
  switch (status.kind) {
    case 'saved':
      return { tone: 'ok', lines: [t('printers.saved')] };
    case 'invalid':
      return { tone: 'error', lines: [t('printers.invalid'), ...status.problems] };
    case 'failed':
    case 'unavailable':
      return { tone: 'error', lines: [status.message] };
    default:
      return null;
  }
}
