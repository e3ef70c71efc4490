import path from 'node:path';
import { app, type BrowserWindow, dialog, session } from 'electron';
import { createCore } from './core';
import { hubJoiner, restartingAfterJoin } from './counter/join';
import { createRemoteCore } from './counter/remote-core';
import { readCounterSettings } from './counter/settings';
import { databaseFileIn } from './paths';
import { receiptTranslations } from './printing/translations';
import { registerAppScheme, serveAppScheme } from './shell/app-protocol';
import { wireIpc } from './shell/ipc';
import { electronDocuments } from './shell/printing';
import { keychainSealer } from './shell/secret-sealer';
import { lockDownWebContents } from './shell/security';
import { createMainWindow } from './shell/window';
import { startupFailureNotice } from './startup-failure';
import type { SecretSealer } from './store/dealer-pins';
import { shopHasModems } from './store/shop-mode';
import { appOrigin, isTrustedFrameUrl } from './web-security';

app.setName('Comptoir');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  // --auto (what `npm start` passes): the shop once it has modems, the demo until then.
  const demo =
    process.argv.includes('--demo') ||
    (process.argv.includes('--auto') &&
      !shopHasModems(databaseFileIn(app.getPath('userData'), false)));
  // electron-vite sets this only when running the development server.
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  let window: BrowserWindow | null = null;

  const createShopCore = (
    dataDir: string,
    sealer: SecretSealer | undefined,
    joined: () => void,
  ) => {
    const shopCarrierDir = path.join(dataDir, 'carriers');
    return createCore({
      databaseFile: databaseFileIn(dataDir, demo),
      demo,
      ...(sealer ? { sealer } : {}),
      carrierDirs: [
        app.isPackaged
          ? path.join(process.resourcesPath, 'carriers')
          : path.join(__dirname, '../../resources/carriers'),
        shopCarrierDir,
      ],
      shopCarrierDir,
      modemProfileDirs: [
        app.isPackaged
          ? path.join(process.resourcesPath, 'modems')
          : path.join(__dirname, '../../resources/modems'),
        path.join(dataDir, 'modems'),
      ],
      ...(demo ? {} : { backups: { folder: path.join(dataDir, 'backups') } }),
      documents: electronDocuments(),
      joinHub: restartingAfterJoin(hubJoiner(dataDir, sealer), joined),
    });
  };

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  const start = async () => {
    const sealer = keychainSealer();
    const dataDir = app.getPath('userData');
    // counter.json there: a counter of its hub (no database, no modems here); else the shop.
    const counter = readCounterSettings(dataDir, sealer);
    const core = counter
      ? createRemoteCore({ link: counter.link })
      : await createShopCore(dataDir, sealer, () => {
          // Joined a hub: the shop closes cleanly, then the app starts again as its counter.
          void core.close().finally(() => {
            app.relaunch();
            app.exit(0);
          });
        });
    serveAppScheme(path.join(__dirname, '../renderer'));
    lockDownWebContents(app, session.defaultSession, (url) => isTrustedFrameUrl(url, devServerUrl));
    wireIpc(core, () => window, devServerUrl);
    window = createMainWindow(
      path.join(__dirname, '../preload/preload.js'),
      devServerUrl ?? `${appOrigin}/index.html`,
    );
    window.on('closed', () => {
      window = null;
    });
    app.on('window-all-closed', () => app.quit());
    // The database and the modems are closed before the process ends, not raced by it.
    let closed = false;
    app.on('will-quit', (event) => {
      if (closed) return;
      event.preventDefault();
      void core.close().finally(() => {
        closed = true;
        app.quit();
      });
    });
  };

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Comptoir could not start', error);
      const notice = startupFailureNotice(receiptTranslations(), app.getLocale(), error);
      dialog.showErrorBox(notice.title, notice.message);
      // Quits at once, releasing the single-instance lock for the next launch.
      app.exit(1);
    });
}
