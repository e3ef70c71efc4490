import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from '../shared/api/errors';
import { api } from './api';
import { App } from './app/App';
import { browserLanguage } from './browser-language';
import { PairedOnly, PairingScreen } from './counters/PairingPage';
import { chosenLanguage, startI18n } from './i18n';
import './styles.css';

/** What the host says is running; null when it answers only to its paired counters. */
async function appInfo() {
  try {
    return await api.call('app.get', {});
  } catch (error) {
    if (error instanceof ApiError && error.code === 'device_unpaired') return null;
    throw error;
  }
}

async function start() {
  const info = await appInfo();
  await startI18n(
    chosenLanguage() ?? info?.defaultLanguage ?? browserLanguage(navigator.languages),
  );
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  createRoot(root).render(
    <StrictMode>
      {info ? (
        <PairedOnly>
          <App demo={info.demo} hasUsers={info.hasUsers} databaseDamaged={info.databaseDamaged} />
        </PairedOnly>
      ) : (
        <PairingScreen unpaired={false} />
      )}
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  const root = document.getElementById('root');
  if (root) {
    root.textContent = `Comptoir cannot start: ${error instanceof Error ? error.message : error}`;
  }
});
