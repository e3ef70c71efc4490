import { type App, type Session, shell } from 'electron';

/**
 * Applies to every window and web contents: no navigation away from the app, no new windows,
 * no <webview>, no permission (camera, notifications, serial...) granted to the page.
 */
export function lockDownWebContents(
  app: App,
  session: Session,
  isOwnUrl: (url: string) => boolean,
) {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwnUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOwnUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to documentation open in the user's browser, never inside the app.
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
