import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The hub certificate's fingerprint as a person compares it between two screens: 16 groups of 4
 * in a monospace grid, read row by row (the hub's Settings → Counters and the new counter's).
 */
export function FingerprintGrid({ groups, hint }: { groups: readonly string[]; hint: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const hintId = useId();
  return (
    <div className="fingerprint">
      <p className="fingerprint__title" id={titleId}>
        {t('counters.fingerprint.title')}
      </p>
      <ol className="fingerprint__groups" aria-labelledby={titleId} aria-describedby={hintId}>
        {groups.map((group, index) => (
          // The same group may come twice: its place is what identifies it.
          // biome-ignore lint/suspicious/noArrayIndexKey: the groups never move
          <li key={index}>{group}</li>
        ))}
      </ol>
      <p className="field__hint" id={hintId}>
        {hint}
      </p>
    </div>
  );
}
