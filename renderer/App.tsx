import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../shared/api/contract';
import { api } from './api';
import { DemoBanner } from './components/DemoBanner';
import { LanguagePicker } from './components/LanguagePicker';
import { CardPage } from './pages/CardPage';
import { SettingsPage } from './pages/SettingsPage';
import { SignInPage } from './pages/SignInPage';

type Session = ProcedureOutput<'auth.login'>;

const pageInAddress = () => (window.location.hash === '#card' ? 'card' : 'settings');

/** The page the address names (#card), so a link reaches it and a reload stays on it. */
function useAddressedPage() {
  const [page, setPage] = useState(pageInAddress);
  useEffect(() => {
    const follow = () => setPage(pageInAddress());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return page;
}

// Only pages that work are listed; more join the navigation as they are built. Before the
// shop has any user (first run) the settings are open to set the shop up.
export function App({ demo, hasUsers }: { demo: boolean; hasUsers: boolean }) {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session | null>(null);
  const signedIn = session !== null || !hasUsers;
  const addressed = useAddressedPage();
  // The card page asks carriers: it needs someone signed in.
  const page = session ? addressed : 'settings';

  function signIn(next: Session) {
    api.setToken(next.token);
    setSession(next);
  }

  async function signOut() {
    await api.call('auth.logout', {}).catch(() => {});
    api.setToken(null);
    setSession(null);
  }

  return (
    <div className={demo ? 'app app--demo' : 'app'}>
      {demo && <DemoBanner />}
      <header className="app__header">
        <span className="app__name">
          {t('app.name')}
          {demo && <span className="app__demo-tag">{t('app.demoTag')}</span>}
        </span>
        {signedIn && (
          <nav aria-label={t('app.mainNavigation')}>
            <a
              href="#settings"
              aria-current={page === 'settings' ? 'page' : undefined}
              className="app__nav-link"
            >
              {t('nav.settings')}
            </a>
            {session && (
              <a
                href="#card"
                aria-current={page === 'card' ? 'page' : undefined}
                className="app__nav-link"
              >
                {t('card.nav')}
              </a>
            )}
          </nav>
        )}
        <LanguagePicker />
        {session && (
          <span className="app__user">
            {t('signIn.signedInAs', { name: session.user.name })}{' '}
            <button type="button" className="app__sign-out" onClick={signOut}>
              {t('signIn.signOut')}
            </button>
          </span>
        )}
      </header>
      <main className="app__main">
        {!signedIn ? (
          <SignInPage demo={demo} onSignedIn={signIn} />
        ) : page === 'card' ? (
          <CardPage />
        ) : (
          <SettingsPage />
        )}
      </main>
    </div>
  );
}
