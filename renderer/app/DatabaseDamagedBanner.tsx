import { useTranslation } from 'react-i18next';

/**
 * Shown on every screen in safe mode: the database failed its check, nothing is sold, and what to
 * do. A manager gets the way to the backups; anyone else is told to fetch one.
 */
export function DatabaseDamagedBanner({ manager }: { manager: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="damaged-banner" role="alert" data-testid="database-damaged-banner">
      <p>
        <strong>{t('app.databaseDamaged')}</strong> {t('app.databaseDamagedDetail')}
      </p>
      <p>
        {manager ? (
          <a href="#backups">{t('app.databaseDamagedRestore')}</a>
        ) : (
          t('app.databaseDamagedAskManager')
        )}
      </p>
    </div>
  );
}
