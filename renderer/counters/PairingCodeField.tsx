import { useTranslation } from 'react-i18next';
import { LabelledField } from '../components/LabelledField';

/** The pairing code's field, where a new counter types what the hub's screen shows. */
export function PairingCodeField({
  id,
  value,
  error,
  autoFocus = false,
  onChange,
}: {
  id: string;
  value: string;
  error: string | null;
  /** On the screen where typing the code is the one thing to do. */
  autoFocus?: boolean;
  onChange(value: string): void;
}) {
  const { t } = useTranslation();
  return (
    <LabelledField
      id={id}
      label={t('pairing.code')}
      hint={t('pairing.codeHint')}
      error={error ?? undefined}
    >
      {(control) => (
        <input
          {...control}
          className="pairing__code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          // biome-ignore lint/a11y/noAutofocus: only where the code is the one thing to do
          autoFocus={autoFocus}
          maxLength={16}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </LabelledField>
  );
}
