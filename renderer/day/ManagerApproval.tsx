import { useTranslation } from 'react-i18next';
import { describeIssue } from '../errors';
import type { Refusal } from './refusal';

/** A manager's name and PIN typed on a clerk's screen, for one act. */
export interface Approval {
  name: string;
  pin: string;
}

export const noApproval: Approval = { name: '', pin: '' };

/**
 * What a manager types to approve an act at a clerk's screen (the close, an export), without
 * signing the clerk out. Asked again for each act: the PIN is never kept.
 */
export function ManagerApproval({
  id,
  value,
  problem,
  onChange,
}: {
  id: string;
  value: Approval;
  problem: Refusal['approval'];
  onChange(value: Approval): void;
}) {
  const { t } = useTranslation();
  let message: string | null = null;
  if (problem === 'wrong') message = t('day.approval.wrong');
  else if (problem === 'too_many') message = t('day.approval.tooMany');
  else if (problem) message = describeIssue(t, problem);
  const describedBy = message ? `${id}-hint ${id}-error` : `${id}-hint`;
  return (
    <fieldset className={message ? 'approval field--invalid' : 'approval'}>
      <legend>{t('day.approval.title')}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {t('day.approval.hint')}
      </p>
      <div className="approval__fields">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('day.approval.name')}</label>
          <input
            id={`${id}-name`}
            autoComplete="off"
            maxLength={40}
            value={value.name}
            aria-invalid={message ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange({ ...value, name: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-pin`}>{t('day.approval.pin')}</label>
          <input
            id={`${id}-pin`}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            value={value.pin}
            aria-invalid={message ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange({ ...value, pin: event.target.value })}
          />
        </div>
      </div>
      {message && (
        <p className="field__error" id={`${id}-error`}>
          {message}
        </p>
      )}
    </fieldset>
  );
}
