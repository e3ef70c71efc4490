import path from 'node:path';
import { app, type BrowserWindow, dialog, session } from 'electron';
import { createCore } from './core';
import { hubJoiner, restartingAfterJoin } from './counter/join';
import { createRemoteCore } from './counter/remote-core';
import { readCounterSettings } from './counter/settings';
import { createHubNetwork } from './host/hub-network';
import { databaseFileIn } from './paths';
import { receiptTranslations } from './printing/translations';
import { registerAppScheme, serveAppScheme } from './shell/app-protocol';
import { wireIpc } from './shell/ipc';
import { electronDocuments } from './shell/printing';
import { keychainSealer } from './shell/secret-sealer';
import { lockDownWebContents } from './shell/security';
import { createMainWindow } from './shell/window';
import { startupFailureNotice } from './startup-failure';
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

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  const start = async () => {
    const sealer = keychainSealer();
    const shopCarrierDir = path.join(app.getPath('userData'), 'carriers');
    const rendererDir = path.join(__dirname, '../renderer');
    // The shop's network, as a manager opened it: the listener serves the core made next.
    const network = createHubNetwork({ rendererDir, log: console });
    // counter.json in the data folder: a counter of its hub, no database, modems or listener.
    const counter = readCounterSettings(app.getPath('userData'), sealer);
    const openShop = async () => {
      const shop = await createCore({
        databaseFile: databaseFileIn(app.getPath('userData'), demo),
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
          path.join(app.getPath('userData'), 'modems'),
        ],
        ...(demo ? {} : { backups: { folder: path.join(app.getPath('userData'), 'backups') } }),
        documents: electronDocuments(),
        hubListener: network.listener,
        joinHub: restartingAfterJoin(hubJoiner(app.getPath('userData'), sealer), () => {
          // Joined a hub: the shop closes cleanly, then the app starts again as its counter.
          void network
            .close()
            .then(() => shop.close())
            .finally(() => {
              app.relaunch();
              app.exit(0);
            });
        }),
      });
      void network.bind(shop);
      return shop;
    };
    const core = counter ? createRemoteCore({ link: counter.link }) : await openShop();
    serveAppScheme(rendererDir);
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
      void network
        .close()
        .then(() => core.close())
        .finally(() => {
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
