import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from '../shared/api/errors';
import { api } from './api';
import { App } from './app/App';
import { PairedOnly, PairingScreen } from './counters/PairingPage';
import { isHeadOfficePage, startHeadOffice } from './head-office/start';
import { chosenLanguage, startI18n } from './i18n';
import './styles.css';

/**
 * Whether this screen may use the host: always on this PC; from the shop's network, once it is a
 * paired counter. The hub tells what is running to anyone (app.get) and refuses anything else to
 * a browser it has not paired, so the shop's profile, public otherwise, is what is asked.
 */
async function paired(): Promise<boolean> {
  try {
    await api.call('shop.get', {});
    return true;
  } catch (error) {
    // Any other failure is the app's to show, once it runs.
    return !(error instanceof ApiError && error.code === 'device_unpaired');
  }
}

async function start() {
  const [info, isPaired] = await Promise.all([api.call('app.get', {}), paired()]);
  await startI18n(chosenLanguage() ?? info.defaultLanguage);
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  createRoot(root).render(
    <StrictMode>
      {isPaired ? (
        <PairedOnly>
          <App demo={info.demo} hasUsers={info.hasUsers} databaseDamaged={info.databaseDamaged} />
        </PairedOnly>
      ) : (
        <PairingScreen unpaired={false} />
      )}
    </StrictMode>,
  );
}

/** The page `hq serve` gives is the head office's: its own screens, not the shop's. */
async function startRole(): Promise<void> {
  if (!isHeadOfficePage()) return start();
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  return startHeadOffice(root);
}

startRole().catch((error: unknown) => {
  const root = document.getElementById('root');
  if (root) {
    root.textContent = `Comptoir cannot start: ${error instanceof Error ? error.message : error}`;
  }
});
