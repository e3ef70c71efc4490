import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/store/database';
import { createUserStore } from '../../../electron/store/users';
import { refusal, signedIn } from '../../support/api';
import { withTestHosts } from '../../support/host';
import { withTempDirs } from '../../support/temp';

const startTestHost = withTestHosts();
const tempDir = withTempDirs();

describe('removing a user', () => {
  it('ends their sessions and their sign-ins; what they did keeps their name', async () => {
    const { host } = await startTestHost({ demo: true });
    const manager = await signedIn(host.url, 'manager', '9999');
    const clerk = await signedIn(host.url, 'clerk', '1111');
    const { users } = await manager.call('users.list', {});
    expect(users.map((user) => [user.name, user.role])).toEqual([
      ['clerk', 'clerk'],
      ['manager', 'manager'],
    ]);
    const clerkId = users.find((user) => user.name === 'clerk')?.id ?? 0;

    expect((await refusal(clerk.call('users.list', {}))).code).toBe('forbidden');
    expect((await refusal(clerk.call('users.remove', { id: clerkId }))).code).toBe('forbidden');
    expect(await manager.call('users.remove', { id: clerkId })).toEqual({
      removed: { id: clerkId, name: 'clerk', role: 'clerk' },
    });
    expect((await refusal(clerk.call('sales.list', {}))).code).toBe('session_expired');
    expect((await refusal(signedIn(host.url, 'clerk', '1111'))).code).toBe('unauthorized');
    expect((await manager.call('users.list', {})).users.map((user) => user.name)).toEqual([
      'manager',
    ]);
    expect((await refusal(manager.call('users.remove', { id: clerkId }))).code).toBe('not_found');
  });

  it('refuses a manager removing themselves, changing nothing', async () => {
    const { host } = await startTestHost({ demo: true });
    const manager = await signedIn(host.url, 'manager', '9999');
    const { users } = await manager.call('users.list', {});
    const self = users.find((user) => user.name === 'manager')?.id ?? 0;
    expect((await refusal(manager.call('users.remove', { id: self }))).code).toBe('conflict');
    expect((await manager.call('users.list', {})).users).toHaveLength(2);
  });

  it('never leaves the shop without a manager', () => {
    const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
    const users = createUserStore(db, () => new Date('2026-12-06T10:00:00Z'));
    const first = users.add('Anne', 'manager', '2468');
    const second = users.add('Bao', 'manager', '1357');
    expect(users.remove(first.id)).toEqual({ removed: first });
    expect(users.remove(second.id)).toEqual({ refused: 'last-manager' });
    expect(users.list()).toEqual([second]);
    expect(users.check('Anne', '2468')).toBeNull();
    db.close();
  });
});
