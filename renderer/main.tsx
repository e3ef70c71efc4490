import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { App } from './app/App';
import { chosenLanguage, startI18n } from './i18n';
import './styles.css';

async function start() {
  const info = await api.call('app.get', {});
  await startI18n(chosenLanguage() ?? info.defaultLanguage);
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App demo={info.demo} hasUsers={info.hasUsers} databaseDamaged={info.databaseDamaged} />
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  const root = document.getElementById('root');
  if (root) {
    root.textContent = `Comptoir cannot start: ${error instanceof Error ? error.message : error}`;
  }
});
