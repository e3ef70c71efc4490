import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../shared/api/contract';
import { defaultIdleLockMinutes } from '../../shared/shop';
import { api } from '../api';
import { AuditPage } from '../audit/AuditPage';
import { BackupsPage } from '../backups/BackupsPage';
import { CardPage } from '../cards/CardPage';
import { CounterPage } from '../counter/CounterPage';
import { CountersSettings } from '../counters/CountersSettings';
import { HubConnectionBanner } from '../counters/HubConnectionBanner';
import { DayPage } from '../day/DayPage';
import type { TranslationKey } from '../i18n';
import { ModemsPage } from '../modems/ModemsPage';
import { SalesPage } from '../sales/SalesPage';
import { CarrierSettings } from '../settings/CarrierSettings';
import { HeadOfficeSettings } from '../settings/HeadOfficeSettings';
import { LockedNames } from '../settings/LockedNames';
import { ModemSettings } from '../settings/ModemSettings';
import { PermissionsSettings } from '../settings/PermissionsSettings';
import { SettingsPage } from '../settings/SettingsPage';
import { UsersSettings } from '../settings/UsersSettings';
import { SetupPage } from '../setup/SetupPage';
import { SignInPage } from '../sign-in/SignInPage';
import { useApi } from '../use-api';
import { DatabaseDamagedBanner } from './DatabaseDamagedBanner';
import { DemoBanner } from './DemoBanner';
import { useIdleLock } from './idle-lock';
import { LanguagePicker } from './LanguagePicker';
import { ModemAlerts } from './ModemAlerts';
import { PendingBanner } from './PendingBanner';
import { createSessionRenewal } from './session-renewal';

type Session = ProcedureOutput<'auth.login'>;

/** What a page may tell the frame around it. */
interface Shell {
  /** A backup was restored: the database is whole again. */
  databaseRestored(): void;
}

interface Page {
  /** Its address: #counter. */
  id: string;
  /** The translation key of its name in the navigation. */
  label: TranslationKey;
  managerOnly?: boolean;
  /** Stays mounted (hidden) while another page shows: a sale under way must not be lost. */
  keepMounted?: boolean;
  render(session: Session, demo: boolean, shell: Shell): ReactNode;
}

/** The screens after sign-in, in the navigation's order; a sign-in lands on the first. */
const pages: readonly Page[] = [
  { id: 'counter', label: 'nav.counter', keepMounted: true, render: () => <CounterPage /> },
  {
    id: 'sales',
    label: 'nav.sales',
    render: () => <SalesPage />,
  },
  { id: 'card', label: 'card.nav', render: () => <CardPage /> },
  { id: 'day', label: 'day.nav', render: (session) => <DayPage role={session.user.role} /> },
  {
    id: 'modems',
    label: 'nav.modems',
    render: (session) => <ModemsPage manager={session.user.role === 'manager'} />,
  },
  {
    id: 'settings',
    label: 'nav.settings',
    managerOnly: true,
    render: (session, demo) => (
      <>
        <SettingsPage />
        <CarrierSettings />
        <ModemSettings demo={demo} />
        <UsersSettings signedInId={session.user.id} />
        <PermissionsSettings />
        <LockedNames />
        <CountersSettings />
        <HeadOfficeSettings />
      </>
    ),
  },
  {
    id: 'backups',
    label: 'nav.backups',
    managerOnly: true,
    render: (_session, _demo, shell) => <BackupsPage onRestored={shell.databaseRestored} />,
  },
  { id: 'audit', label: 'audit.nav', managerOnly: true, render: () => <AuditPage /> },
];

/** How often activity at the counter renews the session on the host, at most. */
const renewEveryMs = 30_000;

const readHash = () => window.location.hash.replace(/^#/, '');

export function useLocationHash(): string {
  const [hash, setHash] = useState(readHash);
  useEffect(() => {
    const changed = () => setHash(readHash());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return hash;
}

/** The shop's idle time, kept up to date when a manager changes it on another screen. */
function useIdleLockMinutes(): number {
  const saved = useApi(() => api.call('shop.get', {}), []);
  const [updated, setUpdated] = useState<number | null>(null);
  useEffect(() => api.on('shop.updated', ({ profile }) => setUpdated(profile.idleLockMinutes)), []);
  // A change heard is newer than what was read; until the shop is set up, the default holds.
  return updated ?? saved.value?.profile?.idleLockMinutes ?? defaultIdleLockMinutes;
}

/**
 * Safe mode as app.get said at start, and from then on as the core tells. `restored`: a backup
 * was just restored, which ended every session: until the next sign-in nothing more is asked.
 */
function useDatabaseDamaged(atStart: boolean) {
  const [state, setState] = useState<'damaged' | 'restored' | 'sound'>(
    atStart ? 'damaged' : 'sound',
  );
  useEffect(() => api.on('app.databaseDamaged', () => setState('damaged')), []);
  return {
    damaged: state === 'damaged',
    justRestored: state === 'restored',
    restored: () => setState('restored'),
    signedInAgain: () => setState((now) => (now === 'restored' ? 'sound' : now)),
  };
}

export function App({
  demo,
  hasUsers,
  databaseDamaged,
}: {
  demo: boolean;
  hasUsers: boolean;
  databaseDamaged: boolean;
}) {
  const { t } = useTranslation();
  const database = useDatabaseDamaged(databaseDamaged);
  const shell: Shell = { databaseRestored: database.restored };
  const [session, setSession] = useState<Session | null>(null);
  const [firstRun, setFirstRun] = useState(!hasUsers);
  /** Why the sign-in screen shows again: the counter's idle lock, or the host ended the session. */
  const [ended, setEnded] = useState<'idle' | 'expired' | null>(null);
  const hash = useLocationHash();
  const allowed = pages.filter((page) => !page.managerOnly || session?.user.role === 'manager');
  const current = allowed.find((page) => page.id === hash) ?? allowed[0];

  function signIn(next: Session, landing: string) {
    api.setToken(next.token);
    setSession(next);
    setFirstRun(false);
    setEnded(null);
    database.signedInAgain();
    window.location.hash = landing;
  }

  function signOut(why: 'asked' | 'idle' | 'expired') {
    // The call carries the token it was made with; the screen does not wait for its answer.
    if (why !== 'expired') void api.call('auth.logout', {}).catch(() => {});
    api.setToken(null);
    setSession(null);
    setEnded(why === 'asked' ? null : why);
  }

  const signOutRef = useRef(signOut);
  signOutRef.current = signOut;
  useEffect(() => api.onSessionExpired(() => signOutRef.current('expired')), []);

  // The host ends a session unused for the idle time: activity at the counter renews it.
  const renewal = useRef<ReturnType<typeof createSessionRenewal> | null>(null);
  const signedInToken = session?.token ?? null;
  useEffect(() => {
    if (signedInToken === null) return;
    const renewing = createSessionRenewal(() => {
      void api.call('auth.renew', {}).catch(() => {});
    }, renewEveryMs);
    renewal.current = renewing;
    return () => {
      renewing.stop();
      renewal.current = null;
    };
  }, [signedInToken]);

  const idleLockMinutes = useIdleLockMinutes();
  useIdleLock(
    session ? idleLockMinutes : null,
    () => signOut('idle'),
    () => renewal.current?.active(),
  );

  let main: ReactNode;
  if (session) {
    main = allowed.map((page) =>
      page === current ? (
        <div key={page.id}>{page.render(session, demo, shell)}</div>
      ) : (
        page.keepMounted && (
          <div key={page.id} hidden>
            {page.render(session, demo, shell)}
          </div>
        )
      ),
    );
  } else if (firstRun) {
    main = <SetupPage onSignedIn={(next) => signIn(next, 'settings')} />;
  } else {
    main = (
      <SignInPage
        demo={demo}
        notice={
          ended === 'idle'
            ? t('signIn.locked', { count: idleLockMinutes })
            : ended === 'expired'
              ? t('signIn.expired')
              : null
        }
        onSignedIn={(next) => signIn(next, 'counter')}
      />
    );
  }

  return (
    <div className={demo ? 'app app--demo' : 'app'}>
      {demo && <DemoBanner />}
      <HubConnectionBanner />
      {database.damaged && <DatabaseDamagedBanner manager={session?.user.role === 'manager'} />}
      {/* In safe mode no modem is open: nothing to watch. */}
      {session && !database.damaged && !database.justRestored && <ModemAlerts />}
      {/* Safe mode resolves nothing, and a restore ended the session: nothing to point to. */}
      {session && !database.damaged && !database.justRestored && (
        <PendingBanner manager={session.user.role === 'manager'} />
      )}
      <header className="app__header">
        <span className="app__name">
          {t('app.name')}
          {demo && <span className="app__demo-tag">{t('app.demoTag')}</span>}
        </span>
        {session && (
          <nav aria-label={t('app.mainNavigation')} className="app__nav">
            {allowed.map((page) => (
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
            {t('signIn.signedInAs', { name: session.user.name })}{' '}
            <button type="button" className="app__sign-out" onClick={() => signOut('asked')}>
              {t('signIn.signOut')}
            </button>
          </span>
        )}
      </header>
      <main className="app__main">{main}</main>
    </div>
  );
}
