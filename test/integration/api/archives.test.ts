import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { verifyArchive } from '../../../electron/archives/verify';
import { refusal, signedIn } from '../../support/api';
import { closedNovember } from '../../support/closures';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();

describe('archives.create: the archive of a closed period', () => {
  it('writes one zip of the month beside the database that verifies from the file alone', async () => {
    const { manager, databaseFile, closure } = await closedNovember(startTestHost);
    const { archive } = await manager.call('archives.create', { period: '2026-11' });
    const folder = path.join(path.dirname(databaseFile), 'archives');
    expect(archive).toMatchObject({
      name: 'comptoir-1-2026-11.zip',
      file: path.join(folder, 'comptoir-1-2026-11.zip'),
      period: { kind: 'month', period: '2026-11' },
      createdAt: '2026-12-01T22:00:00.000Z',
      keepUntil: '2032-12-01',
    });
    const bytes = fs.readFileSync(archive.file);
    expect(archive.bytes).toBe(bytes.length);
    expect(verifyArchive(bytes)).toEqual({
      ok: true,
      period: { kind: 'month', period: '2026-11' },
      files: 11,
      problems: [],
      // The trail of November: each day's two sign-ins and its close.
      chains: { receipts: 2, zReports: 2, closures: 1, audit: 6 },
    });
    const entries = unzipSync(bytes);
    expect(Object.keys(entries).sort()).toEqual([
      'audit.csv',
      'audit.json',
      'carrier-profiles.json',
      'closures.csv',
      'closures.json',
      'manifest.json',
      'receipts.csv',
      'receipts.json',
      'shop-profile.json',
      'z-reports.csv',
      'z-reports.json',
    ]);
    const text = (name: string) =>
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(entries[name]);
    expect(JSON.parse(text('closures.json'))).toEqual([closure]);
    expect(JSON.parse(text('shop-profile.json'))).toMatchObject({ name: 'Comptoir Démo — Nouméa' });
    const [header, ...rows] = text('receipts.csv').trimEnd().split('\n');
    expect(header?.startsWith('\uFEFF')).toBe(true);
    expect(header?.split(',')).toEqual(expect.arrayContaining(['number', 'price.amount', 'hash']));
    expect(rows).toHaveLength(2);
    expect(await manager.call('archives.list', {})).toEqual({ folder, archives: [archive] });
  });

  it('archives a closed year with its twelve month closures, both chains checked', async () => {
    const { databaseFile, host, setClock } = await closedNovember(startTestHost);
    // The year has ended: every month closes (those without sales too), then the year.
    setClock(new Date('2027-01-02T09:00:00+11:00'));
    const manager = await signedIn(host.url, 'manager', '9999');
    for (const month of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12]) {
      const period = `2026-${String(month).padStart(2, '0')}`;
      await manager.call('periods.close', { kind: 'month', period });
    }
    await manager.call('periods.close', { kind: 'year', period: '2026' });
    const { archive } = await manager.call('archives.create', { period: '2026' });
    expect(archive).toMatchObject({ name: 'comptoir-1-2026.zip', keepUntil: '2033-01-01' });
    expect(verifyArchive(fs.readFileSync(archive.file))).toMatchObject({
      ok: true,
      period: { kind: 'year', period: '2026' },
      chains: { receipts: 2, zReports: 2, closures: 13, audit: 9 },
    });
    expect(path.dirname(archive.file)).toBe(path.join(path.dirname(databaseFile), 'archives'));
  });

  it('never overwrites: a second archive of the period is written beside the first', async () => {
    const { manager } = await closedNovember(startTestHost);
    const first = (await manager.call('archives.create', { period: '2026-11' })).archive;
    const before = fs.readFileSync(first.file);
    const second = (await manager.call('archives.create', { period: '2026-11' })).archive;
    expect(second.name).toBe('comptoir-1-2026-11-2.zip');
    expect(fs.readFileSync(first.file)).toEqual(before);
    expect((await manager.call('archives.list', {})).archives.map((a) => a.name).sort()).toEqual([
      'comptoir-1-2026-11-2.zip',
      'comptoir-1-2026-11.zip',
    ]);
  });

  it('refuses a period not closed, a period misnamed, and a clerk', async () => {
    const { manager, clerk, databaseFile } = await closedNovember(startTestHost);
    const open = await refusal(manager.call('archives.create', { period: '2026-12' }));
    expect(open.code).toBe('conflict');
    expect(open.message).toContain('2026-12 is not closed');
    expect((await refusal(manager.call('archives.create', { period: '2026' }))).code).toBe(
      'conflict',
    );
    expect((await refusal(manager.call('archives.create', { period: '11/2026' }))).code).toBe(
      'invalid_input',
    );
    expect((await refusal(clerk.call('archives.create', { period: '2026-11' }))).code).toBe(
      'forbidden',
    );
    expect(fs.existsSync(path.join(path.dirname(databaseFile), 'archives'))).toBe(false);
  });

  it('keeps archives 6 years after their period unless the shop sets another term', async () => {
    const { manager, clerk } = await closedNovember(startTestHost);
    expect(await manager.call('archives.getPolicy', {})).toEqual({ keepYears: 6 });
    await manager.call('archives.create', { period: '2026-11' });
    expect(await manager.call('archives.setPolicy', { keepYears: 10 })).toEqual({ keepYears: 10 });
    const [archive] = (await manager.call('archives.list', {})).archives;
    expect(archive?.keepUntil).toBe('2036-12-01');
    expect((await refusal(manager.call('archives.setPolicy', { keepYears: 0 }))).code).toBe(
      'invalid_input',
    );
    expect((await refusal(clerk.call('archives.setPolicy', { keepYears: 1 }))).code).toBe(
      'forbidden',
    );
    expect(await manager.call('archives.getPolicy', {})).toEqual({ keepYears: 10 });
  });
});
