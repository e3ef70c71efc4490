import { deviceCookieName, deviceCredentialSchema } from '../../shared/counters';

// A counter stays paired until a manager revokes it: the cookie outlives any browser session.
const tenYearsSeconds = 10 * 365 * 24 * 60 * 60;

/** The device credential of a `Cookie` header, or null when it carries none well formed. */
export function credentialIn(cookieHeader: string | undefined): string | null {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const [name, value] = pair.split('=', 2).map((part) => part.trim());
    if (name === deviceCookieName && deviceCredentialSchema.safeParse(value).success) {
      return value as string;
    }
  }
  return null;
}

/** The `Set-Cookie` of a pairing's answer: never readable by scripts, sent over TLS only. */
export const deviceCookie = (credential: string) =>
  `${deviceCookieName}=${credential}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=${tenYearsSeconds}`;
