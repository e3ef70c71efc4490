import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  isLoopbackHost,
  isTrustedFrameUrl,
} from '../../../electron/web-security';

describe('who may reach the browser host', () => {
  it.each(['127.0.0.1', '127.4.5.6', '::1', '[::1]', 'localhost'])('%s is this machine', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['0.0.0.0', '192.168.1.10', '10.0.0.1', '::', 'example.com', '127.0.0.1.nip.io', ''])(
    '%s is not',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );
});

describe('which frames may call the core over IPC', () => {
  it('trusts the packaged app scheme', () => {
    expect(isTrustedFrameUrl('app://comptoir/index.html')).toBe(true);
  });

  it('trusts the development server only when one is running', () => {
    expect(isTrustedFrameUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedFrameUrl('http://localhost:5173/')).toBe(false);
  });

  it.each([
    'app://evil/index.html',
    'file:///etc/passwd',
    'https://comptoir.example/',
    'http://localhost:5174/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isTrustedFrameUrl(url, 'http://localhost:5173')).toBe(false);
  });
});

describe('the content security policy', () => {
  it('allows only our own scripts and no framing or plugins', () => {
    const policy = contentSecurityPolicy([]);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
  });
});
