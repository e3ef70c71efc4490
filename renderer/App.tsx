import { useTranslation } from 'react-i18next';
import { DemoBanner } from './components/DemoBanner';
import { LanguagePicker } from './components/LanguagePicker';
import { SettingsPage } from './pages/SettingsPage';

// Only pages that work are listed; more join the navigation as they are built.
export function App({ demo }: { demo: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={demo ? 'app app--demo' : 'app'}>
      {demo && <DemoBanner />}
      <header className="app__header">
        <span className="app__name">
          {t('app.name')}
          {demo && <span className="app__demo-tag">{t('app.demoTag')}</span>}
        </span>
        <nav aria-label={t('app.mainNavigation')}>
          <a href="#settings" aria-current="page" className="app__nav-link">
            {t('nav.settings')}
          </a>
        </nav>
        <LanguagePicker />
      </header>
      <main className="app__main">
        <SettingsPage />
      </main>
    </div>
  );
}
