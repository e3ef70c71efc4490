import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/user';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { OpenDrawer } from '../components/OpenDrawer';
import { usePermission } from '../components/use-permission';
import { describeError } from '../errors';
import { todayIn } from '../format';
import { useApi } from '../use-api';
import { BooksCheck, BooksWarning } from './BooksCheck';
import { brokenDays } from './books-lines';
import { ClosedDays } from './ClosedDays';
import { PeriodsSection } from './PeriodsSection';
import { TillDrawer } from './TillDrawer';
import { TodayShift } from './TodayShift';

const allViews = ['today', 'closed', 'books'] as const;
type View = (typeof allViews)[number];

/** The day: today's shift (opening, cash, X report, close) and the closed days' Z reports. */
export function DayPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  const loaded = useApi(() => api.call('shop.get', {}), []);
  const shop = loaded.value?.profile;
  const [view, setView] = useState<View>('today');
  const manager = role === 'manager';
  const openDrawer = usePermission()('open_drawer');
  // Checking the books is a manager's: a clerk's screen does not offer it.
  const views = manager ? allViews : allViews.filter((value) => value !== 'books');
  const atStart = useApi(manager ? () => api.call('receipts.getStartCheck', {}) : null, [manager]);

  let body: ReactNode;
  if (loaded.error !== null) {
    body = <ProblemLine>{describeError(t, loaded.error)}</ProblemLine>;
  } else if (shop === undefined) {
    body = <p>{t('app.loading')}</p>;
  } else if (shop === null) {
    // The day is counted in the shop's currency and cut at midnight in its zone.
    body = <p className="notice">{t('day.noShop')}</p>;
  } else if (view === 'today') {
    body = (
      <TillDrawer timeZone={shop.timeZone} manager={manager}>
        <TodayShift currency={shop.currency} timeZone={shop.timeZone} role={role} />
      </TillDrawer>
    );
  } else if (view === 'books') {
    body = <BooksCheck today={todayIn(shop.timeZone)} />;
  } else {
    body = <ClosedDays timeZone={shop.timeZone} role={role} />;
  }

  return (
    <section className="day">
      <h1>{t('day.title')}</h1>
      {atStart.value && (
        <BooksWarning days={brokenDays(atStart.value.days)} problem={atStart.value.problem} />
      )}
      <nav className="day__views" aria-label={t('day.views')}>
        {views.map((value) => (
          <button
            key={value}
            type="button"
            className={view === value ? undefined : 'button--secondary'}
            aria-pressed={view === value}
            onClick={() => setView(value)}
          >
            {t(`day.view.${value}`)}
          </button>
        ))}
      </nav>
      {body}
      {view === 'today' && openDrawer !== null && openDrawer !== 'refused' && (
        <OpenDrawer needsApproval={openDrawer === 'approval'} />
      )}
      {view === 'closed' && manager && shop && <PeriodsSection timeZone={shop.timeZone} />}
    </section>
  );
}
