import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { resolveStaticFile } from '../host/static-files';
import { contentSecurityPolicy, hardeningHeaders } from '../web-security';

/** Must run before the app is ready. */
export function registerAppScheme() {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer at app://comptoir/, refusing anything outside it. */
export function serveAppScheme(rendererDir: string) {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const found = url.host === 'comptoir' ? resolveStaticFile(rendererDir, url.pathname) : null;
    if (!found) return new Response('Not found', { status: 404 });
    const file = await net.fetch(pathToFileURL(found.file).toString());
    const headers = new Headers({
      'content-type': found.contentType,
      'content-security-policy': contentSecurityPolicy([]),
      ...hardeningHeaders,
    });
    return new Response(await file.arrayBuffer(), { status: 200, headers });
  });
}
