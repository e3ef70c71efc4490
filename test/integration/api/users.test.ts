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

describe('adding users and changing roles', () => {
  it('adds a clerk who signs in with their PIN; a taken name is a conflict, in any case', async () => {
    const { host } = await startTestHost({ demo: true });
    const manager = await signedIn(host.url, 'manager', '9999');
    const { user } = await manager.call('users.create', {
      name: 'Léa',
      pin: '2468',
      role: 'clerk',
    });
    expect(user).toEqual({ id: expect.any(Number), name: 'Léa', role: 'clerk' });
    const lea = await signedIn(host.url, 'Léa', '2468');
    expect(await lea.call('permissions.get', {})).toHaveProperty('permissions');
    const taken = await refusal(
      manager.call('users.create', { name: 'CLERK', pin: '1234', role: 'manager' }),
    );
    expect(taken.code).toBe('conflict');
    expect((await manager.call('users.list', {})).users.map((one) => one.name)).toEqual([
      'clerk',
      'Léa',
      'manager',
    ]);
    // A removed user's name stays theirs: what they did reads it.
    await manager.call('users.remove', { id: user.id });
    const reused = await refusal(
      manager.call('users.create', { name: 'Léa', pin: '1357', role: 'clerk' }),
    );
    expect(reused.code).toBe('conflict');
    const badPin = await refusal(
      manager.call('users.create', { name: 'Noé', pin: '12', role: 'clerk' }),
    );
    expect(badPin.code).toBe('invalid_input');
  });

  it('makes a clerk a manager and ends their sessions: they sign in again as one', async () => {
    const { host } = await startTestHost({ demo: true });
    const manager = await signedIn(host.url, 'manager', '9999');
    const clerk = await signedIn(host.url, 'clerk', '1111');
    const id = (await manager.call('users.list', {})).users.find((one) => one.name === 'clerk')?.id;
    expect((await refusal(clerk.call('users.list', {}))).code).toBe('forbidden');
    expect(await manager.call('users.setRole', { id: id ?? 0, role: 'manager' })).toEqual({
      user: { id, name: 'clerk', role: 'manager' },
    });
    expect((await refusal(clerk.call('sales.list', {}))).code).toBe('session_expired');
    const promoted = await signedIn(host.url, 'clerk', '1111');
    expect((await promoted.call('users.list', {})).users).toHaveLength(2);
    // The same role again changes nothing and ends no session.
    await manager.call('users.setRole', { id: id ?? 0, role: 'manager' });
    expect((await promoted.call('users.list', {})).users).toHaveLength(2);
  });

  it('keeps the last manager a manager', async () => {
    const { host } = await startTestHost({ demo: true });
    const manager = await signedIn(host.url, 'manager', '9999');
    const { users } = await manager.call('users.list', {});
    const self = users.find((one) => one.name === 'manager')?.id ?? 0;
    const refused = await refusal(manager.call('users.setRole', { id: self, role: 'clerk' }));
    expect(refused.code).toBe('conflict');
    expect((await manager.call('users.list', {})).users).toEqual(users);
    expect((await refusal(manager.call('users.setRole', { id: 999, role: 'clerk' }))).code).toBe(
      'not_found',
    );
  });

  it('leaves making, unmaking and removing managers to a manager, whatever clerks may do with users', async () => {
    const { host } = await startTestHost({ demo: true });
    const manager = await signedIn(host.url, 'manager', '9999');
    const clerk = await signedIn(host.url, 'clerk', '1111');
    const { permissions } = await manager.call('permissions.get', {});
    await manager.call('permissions.update', {
      clerk: { ...permissions.clerk, manage_users: 'allowed' },
    });
    const { users } = await manager.call('users.list', {});
    const id = (name: string) => users.find((one) => one.name === name)?.id ?? 0;
    // What the shop allows: clerks add clerks.
    expect(
      (await clerk.call('users.create', { name: 'Léa', pin: '2468', role: 'clerk' })).user,
    ).toMatchObject({ name: 'Léa', role: 'clerk' });
    for (const attempt of [
      () => clerk.call('users.setRole', { id: id('clerk'), role: 'manager' }),
      () => clerk.call('users.create', { name: 'Boss', pin: '1357', role: 'manager' }),
      () => clerk.call('users.setRole', { id: id('manager'), role: 'clerk' }),
      () => clerk.call('users.remove', { id: id('manager') }),
    ]) {
      expect((await refusal(attempt())).code).toBe('forbidden');
    }
    // With a manager's PIN at the clerk's screen, it is the manager's act.
    const approval = { name: 'manager', pin: '9999' };
    expect(
      (
        await clerk.call('users.create', {
          name: 'Boss',
          pin: '1357',
          role: 'manager',
          manager: approval,
        })
      ).user,
    ).toMatchObject({ name: 'Boss', role: 'manager' });
    expect((await manager.call('users.list', {})).users.map((one) => [one.name, one.role])).toEqual(
      [
        ['Boss', 'manager'],
        ['clerk', 'clerk'],
        ['Léa', 'clerk'],
        ['manager', 'manager'],
      ],
    );
  });
});
