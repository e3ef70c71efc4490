import type { Language } from '../shared/languages';
import type { Translate } from './printing/layout';

/** The interface language closest to a system locale ("fr-NC" → fr, "zh-Hans-CN" → zh-CN). */
export function languageOfLocale(locale: string): Language {
  const base = locale.toLowerCase().split(/[-_]/)[0];
  if (base === 'fr') return 'fr';
  if (base === 'zh') return 'zh-CN';
  return 'en';
}

/**
 * What the desktop app says when it cannot start (a database from a newer Comptoir, a damaged
 * file, a folder it may not write): the reason, in the user's language, before it quits — rather
 * than a windowless process that holds the single-instance lock.
 */
export function startupFailureNotice(t: Translate, locale: string, error: unknown) {
  const lng = languageOfLocale(locale);
  const reason = error instanceof Error ? error.message : String(error);
  return {
    title: t('startup.failedTitle', { lng }),
    // A dialog is plain text: the reason must not be escaped for HTML.
    message: t('startup.failedMessage', { lng, reason, interpolation: { escapeValue: false } }),
  };
}
