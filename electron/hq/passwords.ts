import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Head-office passwords, stored as scrypt with a salt of their own (the same stored form as the
 * shop's PINs, electron/store/users.ts). Asynchronous: one sign-in must not hold up the server's
 * other requests for the ~50 ms scrypt takes.
 */

const cost = { N: 16_384, r: 8, p: 1 } as const;

function derive(password: string, salt: Buffer, length: number, options: typeof cost) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, length, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string, salt = randomBytes(16)): Promise<string> {
  const key = await derive(password, salt, 32, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  } as typeof cost);
  return timingSafeEqual(actual, expected);
}

/** A stored form no password matches: a name nobody has costs the same time as a real one. */
export const unusedPasswordHash = `scrypt$${cost.N}$${cost.r}$${cost.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;
