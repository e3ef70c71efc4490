import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocationHash } from '../app/App';
import { LanguagePicker } from '../app/LanguagePicker';
import type { TranslationKey } from '../i18n';
import { ChainReportPage } from './ChainReportPage';
import { ChecksPage } from './ChecksPage';
import { CatalogScreen } from './catalog/CatalogScreen';
import { FloatsPage } from './FloatsPage';
import { hq } from './hq-api';
import { keepSession, keptSession } from './kept-session';
import { PendingPage } from './PendingPage';
import { ShopsPage } from './ShopsPage';
import { StaffPage } from './StaffPage';
import { type StaffSession, StaffSignIn } from './StaffSignIn';
import { ZReportsPage } from './ZReportsPage';

interface HeadOfficePage {
  /** Its address: #shops. */
  id: string;
  label: TranslationKey;
  render(): ReactNode;
}

/** The head office's screens after sign-in, in the navigation's order; a sign-in lands on the first. */
export const headOfficePages: readonly HeadOfficePage[] = [
  { id: 'books', label: 'headOffice.nav.books', render: () => <ChainReportPage /> },
  { id: 'shops', label: 'headOffice.nav.shops', render: () => <ShopsPage /> },
  { id: 'floats', label: 'headOffice.nav.floats', render: () => <FloatsPage /> },
  { id: 'pending', label: 'headOffice.nav.pending', render: () => <PendingPage /> },
  { id: 'z-reports', label: 'headOffice.nav.zReports', render: () => <ZReportsPage /> },
  { id: 'checks', label: 'headOffice.nav.checks', render: () => <ChecksPage /> },
  { id: 'catalog', label: 'centralCatalog.title', render: () => <CatalogScreen hq={hq} /> },
  { id: 'staff', label: 'headOffice.nav.staff', render: () => <StaffPage /> },
];

/**
 * The React app as the head office's (`hq serve` marks its page): staff sign in by name and
 * password (the first account is made here), then see the chain. The tab keeps its session, so a
 * reload stays signed in until sign-out or the server ends it; then the sign-in shows again.
 */
export function HeadOfficeApp({ hasStaff }: { hasStaff: boolean }) {
  const { t } = useTranslation();
  const [session, setSession] = useState<StaffSession | null>(() => {
    const kept = keptSession(window.sessionStorage);
    hq.setToken(kept?.token ?? null);
    return kept;
  });
  const [expired, setExpired] = useState(false);
  const hash = useLocationHash();
  const current = headOfficePages.find((page) => page.id === hash) ?? headOfficePages[0];

  useEffect(
    () =>
      hq.onSessionEnded(() => {
        hq.setToken(null);
        keepSession(window.sessionStorage, null);
        setSession(null);
        setExpired(true);
      }),
    [],
  );

  function signIn(next: StaffSession) {
    hq.setToken(next.token);
    keepSession(window.sessionStorage, next);
    setSession(next);
    setExpired(false);
    window.location.hash = headOfficePages[0]?.id ?? '';
  }

  function signOut() {
    // The call carries the token it was made with; the screen does not wait for its answer.
    void hq.call('staff.logout', {}).catch(() => {});
    hq.setToken(null);
    keepSession(window.sessionStorage, null);
    setSession(null);
  }

  return (
    <div className="app">
      <header className="app__header">
        <span className="app__name">
          {t('app.name')} <span className="app__demo-tag">{t('headOffice.tag')}</span>
        </span>
        {session && (
          <nav aria-label={t('headOffice.navigation')} className="app__nav">
            {headOfficePages.map((page) => (
              <a
                key={page.id}
                href={`#${page.id}`}
                aria-current={page === current ? 'page' : undefined}
                className="app__nav-link"
              >
                {t(page.label)}
              </a>
            ))}
          </nav>
        )}
        <LanguagePicker />
        {session && (
          <span className="app__user">
            {t('signIn.signedInAs', { name: session.name })}{' '}
            <button type="button" className="app__sign-out" onClick={signOut}>
              {t('signIn.signOut')}
            </button>
          </span>
        )}
      </header>
      <main className="app__main">
        {session && current ? (
          <div key={current.id}>{current.render()}</div>
        ) : (
          <StaffSignIn
            firstAccount={!hasStaff}
            notice={expired ? t('headOffice.signIn.expired') : null}
            onSignedIn={signIn}
          />
        )}
      </main>
    </div>
  );
}
