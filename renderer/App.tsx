import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../shared/api/contract';
import { api } from './api';
import { DemoBanner } from './components/DemoBanner';
import { LanguagePicker } from './components/LanguagePicker';
import { SettingsPage } from './pages/SettingsPage';
import { SignInPage } from './pages/SignInPage';

type Session = ProcedureOutput<'auth.login'>;

// Only pages that work are listed; more join the navigation as they are built. Before the
// shop has any user (first run) the settings are open to set the shop up.
export function App({ demo, hasUsers }: { demo: boolean; hasUsers: boolean }) {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session | null>(null);
  const signedIn = session !== null || !hasUsers;

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
            <a href="#settings" aria-current="page" className="app__nav-link">
              {t('nav.settings')}
            </a>
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
        {signedIn ? <SettingsPage /> : <SignInPage demo={demo} onSignedIn={signIn} />}
      </main>
    </div>
  );
}
