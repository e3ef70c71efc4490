import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type Core, type CoreOptions, createCore } from '../../../electron/core';
import type { Outcome } from '../../../shared/api/bridge';
import type { AuditEvent } from '../../../shared/audit';
import { overwritePageOf } from '../../support/damaged-pages';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const quiet = { error: () => {}, warn: () => {}, info: () => {} };
const carrierDirs = [path.resolve(__dirname, '../../../resources/carriers')];

function openCore(databaseFile: string, extra: Partial<CoreOptions> = {}) {
  return createCore({
    databaseFile,
    demo: true,
    carrierDirs,
    modemProfileDirs: [SHIPPED_MODEMS],
    log: quiet,
    ...extra,
  });
}

const result = <T>(outcome: Outcome) => {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result as T;
};

async function tokenOf(core: Core, name: string, pin: string) {
  return result<{ token: string }>(await core.dispatch('auth.login', { name, pin })).token;
}

const listed = async (core: Core, token: string, filter: object = {}) =>
  result<{ events: AuditEvent[]; more: boolean }>(await core.dispatch('audit.list', filter, token));

/** The demo shop with a few acts recorded: three sign-ins, a wrong PIN, a sign-out. */
async function shopWithActs(extra: Partial<CoreOptions> = {}) {
  const databaseFile = path.join(tempDir(), 'shop.sqlite');
  const core = await openCore(databaseFile, extra);
  const manager = await tokenOf(core, 'manager', '9999');
  const clerk = await tokenOf(core, 'clerk', '1111');
  await core.dispatch('auth.login', { name: 'clerk', pin: '0000' });
  await core.dispatch('auth.logout', {}, clerk);
  await tokenOf(core, 'clerk', '1111');
  return { core, manager, databaseFile };
}

describe('the audit trail as a manager reads it', () => {
  it('lists newest first, by kind, by user and by the shop’s day, a page at a time', async () => {
    // 23:59 in Nouméa on the 20th is 12:59 UTC: the shop's day, not UTC's, is what is filtered.
    let clock = new Date('2026-11-20T12:59:00Z');
    const { core, manager } = await shopWithActs({ now: () => clock });
    try {
      clock = new Date('2026-11-20T13:00:30Z'); // 00:00:30 on the 21st in Nouméa
      await tokenOf(core, 'manager', '9999');
      const all = await listed(core, manager);
      expect(all.events.map((event) => event.kind)).toEqual([
        'auth.signed_in',
        'auth.signed_in',
        'auth.signed_out',
        'auth.wrong_pin',
        'auth.signed_in',
        'auth.signed_in',
      ]);
      expect(all.events.map((event) => event.seq)).toEqual([6, 5, 4, 3, 2, 1]);
      expect(all.more).toBe(false);

      const clerkOnly = await listed(core, manager, { userId: 2 });
      expect(clerkOnly.events.map((event) => event.seq)).toEqual([5, 4, 2]);
      const wrong = await listed(core, manager, { kind: 'auth.wrong_pin' });
      expect(wrong.events).toMatchObject([{ seq: 3, actorName: 'clerk', subject: 'sign_in' }]);
      const twentieth = await listed(core, manager, { day: '2026-11-20' });
      expect(twentieth.events.map((event) => event.seq)).toEqual([5, 4, 3, 2, 1]);
      const twentyFirst = await listed(core, manager, { day: '2026-11-21' });
      expect(twentyFirst.events.map((event) => event.seq)).toEqual([6]);

      const first = await listed(core, manager, { limit: 4 });
      expect(first).toMatchObject({ more: true });
      const next = await listed(core, manager, { limit: 4, beforeSeq: 3 });
      expect(next.events.map((event) => event.seq)).toEqual([2, 1]);
      expect(next.more).toBe(false);
    } finally {
      await core.close();
    }
  });

  it('exports CSV with a BOM, documented columns, oldest first, and records the export', async () => {
    const { core, manager } = await shopWithActs();
    try {
      const exported = result<{ files: { name: string; base64: string }[] }>(
        await core.dispatch('audit.export', { kind: 'auth.signed_in' }, manager),
      );
      const text = Buffer.from(exported.files[0]?.base64 ?? '', 'base64').toString('utf8');
      const lines = text.trimEnd().split('\n');
      expect(lines[0]).toBe(
        '\uFEFFseq,at_utc,at_local,till,device_id,kind,actor,actor_name,approved_by,subject,' +
          'before,after,hash,prev_hash',
      );
      expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['1', '2', '5']);
      expect(lines[1]).toContain(',auth.signed_in,manager:1,manager,,manager,,,');
      const made = await listed(core, manager, { kind: 'exports.made' });
      expect(made.events[0]).toMatchObject({
        actorName: 'manager',
        before: { procedure: 'audit.export', kind: 'auth.signed_in' },
        after: { files: [exported.files[0]?.name] },
      });
    } finally {
      await core.close();
    }
  });

  it('a refused act records nothing; a wrong approval PIN is recorded', async () => {
    const { core, manager } = await shopWithActs();
    try {
      const clerk = await tokenOf(core, 'clerk', '1111');
      const before = (await listed(core, manager)).events.length;
      const forbidden = await core.dispatch('carriers.save', { profile: {} }, clerk);
      expect(forbidden).toMatchObject({ ok: false });
      const unapproved = await core.dispatch(
        'printers.openDrawer',
        { reason: 'change for the till' },
        clerk,
      );
      expect(unapproved).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const after = await listed(core, manager);
      expect(after.events.length).toBe(before);
    } finally {
      await core.close();
    }
  });
});

describe('the audit trail cannot be altered unseen', () => {
  it('the database refuses to change or delete an entry', async () => {
    const { core, databaseFile } = await shopWithActs();
    await core.close();
    const db = new BetterSqlite3(databaseFile);
    try {
      expect(() => db.prepare("UPDATE audit_events SET actor = 'manager:9'").run()).toThrow(
        /append-only/,
      );
      expect(() => db.prepare('DELETE FROM audit_events WHERE seq = 2').run()).toThrow(
        /append-only/,
      );
    } finally {
      db.close();
    }
  });

  it('an entry changed by someone bypassing the app is named by audit.verify', async () => {
    const { core, manager, databaseFile } = await shopWithActs();
    expect(result(await core.dispatch('audit.verify', {}, manager))).toEqual({
      ok: true,
      count: 5,
    });
    await core.close();
    // The test's own copy of the shop, its trigger dropped: one byte of entry 3 changed.
    const copy = path.join(tempDir(), 'tampered.sqlite');
    fs.copyFileSync(databaseFile, copy);
    const db = new BetterSqlite3(copy);
    db.exec('DROP TRIGGER audit_events_are_append_only_update');
    db.prepare(
      'UPDATE audit_events SET content = replace(content, \'"clerk"\', \'"clark"\') WHERE seq = 3',
    ).run();
    db.close();
    const reopened = await openCore(copy);
    try {
      const token = await tokenOf(reopened, 'manager', '9999');
      expect(result(await reopened.dispatch('audit.verify', {}, token))).toEqual({
        ok: false,
        count: 3,
        brokenAt: 3,
        reason: 'hash_mismatch',
      });
    } finally {
      await reopened.close();
    }
  });
});

/** A new shop (not the demo) kept by automatic backups, its first manager signed in. */
async function shopWithBackups() {
  const dir = tempDir();
  const core = await createCore({
    databaseFile: path.join(dir, 'shop.sqlite'),
    demo: false,
    modemProfileDirs: [SHIPPED_MODEMS],
    backups: { folder: path.join(dir, 'backups') },
    log: quiet,
  });
  const owner = result<{ token: string }>(
    await core.dispatch('auth.setup', { name: 'owner', pin: '2468' }),
  ).token;
  return { core, owner };
}

describe('the audit trail outside a procedure', () => {
  it('a session ended by the idle lock is recorded as a sign-out', async () => {
    let clock = new Date('2026-11-20T01:00:00Z');
    const { core, manager } = await shopWithActs({ now: () => clock });
    try {
      const clerk = await tokenOf(core, 'clerk', '1111');
      clock = new Date(clock.getTime() + 60 * 60_000);
      expect(await core.dispatch('shifts.getCurrent', {}, clerk)).toMatchObject({
        ok: false,
        error: { code: 'session_expired' },
      });
      const renewed = await tokenOf(core, 'manager', '9999');
      const ended = await listed(core, renewed, { kind: 'auth.signed_out' });
      expect(ended.events.map((event) => [event.actorName, event.after])).toContainEqual([
        'clerk',
        { ended: 'idle' },
      ]);
      expect(manager).toBeTruthy();
    } finally {
      await core.close();
    }
  });

  it('an automatic backup is recorded as the system’s', async () => {
    const { core, owner } = await shopWithBackups();
    try {
      let made: AuditEvent[] = [];
      for (let tries = 0; made.length === 0 && tries < 50; tries += 1) {
        made = (await listed(core, owner, { kind: 'backups.made' })).events;
        if (made.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(made).toMatchObject([
        { actor: 'system', actorName: null, after: { automatic: true, bytes: expect.any(Number) } },
      ]);
    } finally {
      await core.close();
    }
  });

  it('a restore is recorded in the restored shop, by the manager who asked', async () => {
    const { core, owner } = await shopWithBackups();
    try {
      const { backup } = result<{ backup: { name: string } }>(
        await core.dispatch('backups.create', {}, owner),
      );
      result(await core.dispatch('backups.restore', { name: backup.name }, owner));
      const again = await tokenOf(core, 'owner', '2468');
      const restored = await listed(core, again, { kind: 'backups.restored' });
      expect(restored.events).toMatchObject([
        { actor: 'manager:1', actorName: 'owner', subject: backup.name },
      ]);
      expect(result(await core.dispatch('audit.verify', {}, again))).toMatchObject({ ok: true });
    } finally {
      await core.close();
    }
  });

  it('in safe mode nothing is recorded and signing in still works', async () => {
    const { core, databaseFile } = await shopWithActs();
    await core.close();
    overwritePageOf(databaseFile, 'sales');
    const damaged = await openCore(databaseFile);
    try {
      const manager = await tokenOf(damaged, 'manager', '9999');
      expect(result(await damaged.dispatch('audit.verify', {}, manager))).toEqual({
        ok: true,
        count: 5,
      });
    } finally {
      await damaged.close();
    }
  });
});
