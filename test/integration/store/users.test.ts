import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/store/database';
import { createUserStore, deviceId, hashPin, pinMatches } from '../../../electron/store/users';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();

describe('users and PINs', () => {
  it('stores a PIN only as a salted slow hash', () => {
    const hash = hashPin('1111');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hash).not.toContain('1111');
    expect(hashPin('1111')).not.toBe(hash);
    expect(pinMatches('1111', hash)).toBe(true);
    expect(pinMatches('1112', hash)).toBe(false);
    expect(pinMatches('1111', 'md5$whatever')).toBe(false);
  });

  it('checks a name and PIN against the database, names without regard to case', () => {
    const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
    const users = createUserStore(db, () => new Date());
    const manager = users.add('Manager', 'manager', '9999');
    expect(users.check('manager', '9999')).toEqual(manager);
    expect(users.check('manager', '1111')).toBeNull();
    expect(users.check('nobody', '9999')).toBeNull();
    expect(() => users.add('MANAGER', 'clerk', '1234')).toThrow(/UNIQUE/);
  });

  it('gives the installation one device id, kept across restarts', () => {
    const file = path.join(tempDir(), 'shop.sqlite');
    const first = deviceId(openDatabase(file).db, () => 'device-aaaa');
    expect(deviceId(openDatabase(file).db, () => 'device-bbbb')).toBe(first);
  });
});
