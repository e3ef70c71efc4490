import net from 'node:net';

/**
 * The Content-Security-Policy of every page Comptoir serves (browser host and Electron's app://
 * scheme): our own scripts and styles only, no plugins, no framing, network only to `connect`.
 */
export function contentSecurityPolicy(connect: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connect].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers sent with every page and asset besides the CSP. */
export const hardeningHeaders: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** True for addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost') return true;
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  if (net.isIPv6(bare)) return bare === '::1';
  return false;
}

/** The app:// origin the packaged renderer is served from. */
export const appOrigin = 'app://comptoir';

/** Whether an IPC call comes from a frame of ours (app:// or, in development, the dev server). */
export function isTrustedFrameUrl(frameUrl: string, devServerUrl?: string): boolean {
  let origin: string;
  try {
    const url = new URL(frameUrl);
    origin = url.protocol === 'app:' ? `app://${url.host}` : url.origin;
  } catch {
    return false;
  }
  if (origin === appOrigin) return true;
  return devServerUrl !== undefined && origin === new URL(devServerUrl).origin;
}
