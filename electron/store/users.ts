import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Role, User } from '../../shared/user';

// scrypt with a per-user salt: a stolen database does not give away 4-digit PINs cheaply.
const cost = { N: 16_384, r: 8, p: 1 } as const;

export function hashPin(pin: string, salt: Buffer = randomBytes(16)): string {
  const key = scryptSync(pin, salt, 32, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function pinMatches(pin: string, stored: string): boolean {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}

export function createUserStore(db: Database, now: () => Date) {
  const insert = db.prepare(
    'INSERT INTO users (name, role, pin_hash, created_at) VALUES (?, ?, ?, ?)',
  );
  const byName = db.prepare<[string], User & { pin_hash: string }>(
    'SELECT id, name, role, pin_hash FROM users WHERE name = ? AND disabled_at IS NULL',
  );
  const nameById = db.prepare<[number], string>('SELECT name FROM users WHERE id = ?').pluck();
  const count = db
    .prepare<[], number>('SELECT count(*) FROM users WHERE disabled_at IS NULL')
    .pluck();
  const active = db.prepare<[], User>(
    'SELECT id, name, role FROM users WHERE disabled_at IS NULL ORDER BY name COLLATE NOCASE',
  );
  const activeById = db.prepare<[number], User>(
    'SELECT id, name, role FROM users WHERE id = ? AND disabled_at IS NULL',
  );
  const managerCount = db
    .prepare<[], number>(
      "SELECT count(*) FROM users WHERE role = 'manager' AND disabled_at IS NULL",
    )
    .pluck();
  const disable = db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?');
  const updateRole = db.prepare('UPDATE users SET role = ? WHERE id = ?');
  // A removed user keeps their name (what they did reads it): it stays taken.
  const nameTaken = db
    .prepare<[string], number>('SELECT count(*) FROM users WHERE name = ?')
    .pluck();
  function add(name: string, role: Role, pin: string): User {
    const { lastInsertRowid } = insert.run(name, role, hashPin(pin), now().toISOString());
    return { id: Number(lastInsertRowid), name, role };
  }
  return {
    any: () => count.get() !== 0,
    nameOf: (id: number): string | null => nameById.get(id) ?? null,
    add,
    /**
     * The shop's first user, or null once it has one. One transaction: two first-run screens
     * racing cannot both create "the first" manager.
     */
    addFirst: (name: string, role: Role, pin: string): User | null =>
      db.transaction(() => (count.get() === 0 ? add(name, role, pin) : null))(),
    /** A new user, or null when the name is taken (by anyone, removed users too; any case). */
    create: (name: string, role: Role, pin: string): User | null =>
      db.transaction(() => (nameTaken.get(name) === 0 ? add(name, role, pin) : null))(),
    /**
     * Makes a user a clerk or a manager. One transaction, so two managers demoting each other
     * cannot leave the shop without one. `changed` is false when they had that role already.
     */
    setRole: (
      id: number,
      role: Role,
    ): { user: User; changed: boolean } | { refused: 'not-found' | 'last-manager' } =>
      db.transaction(() => {
        const user = activeById.get(id);
        if (!user) return { refused: 'not-found' as const };
        if (user.role === role) return { user, changed: false };
        if (user.role === 'manager' && managerCount.get() === 1) {
          return { refused: 'last-manager' as const };
        }
        updateRole.run(role, id);
        return { user: { ...user, role }, changed: true };
      })(),
    /** The users who can sign in, by name. */
    list: (): User[] => active.all(),
    /**
     * Takes a user off the shop: they can no longer sign in, and what they did keeps their name.
     * One transaction, so two managers removing each other cannot leave the shop without one.
     */
    remove: (id: number): { removed: User } | { refused: 'not-found' | 'last-manager' } =>
      db.transaction(() => {
        const user = activeById.get(id);
        if (!user) return { refused: 'not-found' as const };
        if (user.role === 'manager' && managerCount.get() === 1) {
          return { refused: 'last-manager' as const };
        }
        disable.run(now().toISOString(), id);
        return { removed: user };
      })(),
    /** The user whose name and PIN match, or null (the caller rate-limits attempts). */
    check(name: string, pin: string): User | null {
      const row = byName.get(name);
      if (!row || !pinMatches(pin, row.pin_hash)) return null;
      return { id: row.id, name: row.name, role: row.role };
    },
  };
}

/** This device's id, or null before its first start (a database opened read-only keeps it so). */
export function findDeviceId(db: Database): string | null {
  return (
    db.prepare<[], { device_id: string }>('SELECT device_id FROM device').get()?.device_id ?? null
  );
}

/** This installation's id, made once: receipts are numbered per device. */
export function deviceId(db: Database, makeId: () => string): string {
  const existing = findDeviceId(db);
  if (existing) return existing;
  const id = makeId();
  db.prepare('INSERT INTO device (id, device_id) VALUES (1, ?)').run(id);
  return id;
}

export type UserStore = ReturnType<typeof createUserStore>;
