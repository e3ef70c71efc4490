import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal question before a manager's action on a modem (or another irreversible one, such as
 * removing a modem or a user): the browser's own dialog, so focus stays in it and Escape cancels it. Nothing can be clicked twice while the action runs.
 */
export function ConfirmDialog({
  title,
  question,
  confirm,
  working,
  busy,
  onConfirm,
  onCancel,
}: {
  title: string;
  question: string;
  /** The yes button's words, when "Yes, go ahead" says too little: "Remove modem sim-1". */
  confirm?: string;
  /** What the dialog says while the action runs, when it is not asking a modem. */
  working?: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const questionId = useId();
  useEffect(() => {
    const shown = dialog.current;
    if (shown && !shown.open) shown.showModal();
    return () => shown?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={questionId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <p id={questionId}>{question}</p>
      <div className="confirm-dialog__buttons">
        <button type="button" className="modem-action" disabled={busy} onClick={onConfirm}>
          {busy ? (working ?? t('modems.working')) : (confirm ?? t('modems.confirmYes'))}
        </button>
        <button
          type="button"
          className="modem-action modem-action--secondary"
          disabled={busy}
          onClick={onCancel}
        >
          {t('modems.cancel')}
        </button>
      </div>
    </dialog>
  );
}
