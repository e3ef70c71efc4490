import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The question before an irreversible act (a modem reset, removing a modem or a user, closing
 * the day): the browser's own modal dialog, so focus stays in it and Escape cancels it. The focus
 * starts on Cancel, so a stray Enter never goes ahead; nothing can be clicked twice while the act
 * runs.
 */
export function ConfirmDialog({
  title,
  question,
  children,
  confirm,
  cancel,
  working,
  busy,
  onConfirm,
  onCancel,
}: {
  title: string;
  question: string;
  /** What the act is about to write, shown under the question (the close's figures). */
  children?: ReactNode;
  /** The yes button's words, when "Yes, go ahead" says too little: "Remove modem sim-1". */
  confirm?: string;
  /** The cancel button's words, when "Cancel" says too little: "Back to the count". */
  cancel?: string;
  /** What the dialog says while the act runs, when it is not asking a modem. */
  working?: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const questionId = useId();
  useEffect(() => {
    const shown = dialog.current;
    if (shown && !shown.open) shown.showModal();
    cancelButton.current?.focus();
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
      {children}
      <div className="confirm-dialog__buttons">
        <button type="button" className="modem-action" disabled={busy} onClick={onConfirm}>
          {busy ? (working ?? t('modems.working')) : (confirm ?? t('modems.confirmYes'))}
        </button>
        <button
          ref={cancelButton}
          type="button"
          className="modem-action modem-action--secondary"
          disabled={busy}
          onClick={onCancel}
        >
          {cancel ?? t('modems.cancel')}
        </button>
      </div>
    </dialog>
  );
}
