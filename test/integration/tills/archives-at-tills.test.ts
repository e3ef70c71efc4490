import fs from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sealedManifest, sha256 } from '../../../electron/archives/contents';
import { verifyArchive } from '../../../electron/archives/verify';
import { findDeviceId } from '../../../electron/store/users';
import type { ArchiveManifest } from '../../../shared/archive';
import { signedIn, xpf } from '../../support/api';
import { pairTill, signedInAt } from '../../support/drawers';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();
const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const encode = (text: string) => new TextEncoder().encode(text);

describe('a closed month of a shop with a counter', () => {
  it('is archived with the counter’s receipts, each till’s chain checked on its own', async () => {
    let clock = new Date('2026-11-20T10:00:00+11:00');
    const { host, core } = await startTestHost({ demo: true, now: () => clock });
    const counter = pairTill(core.db, 'Counter 2');
    const as = (name: string, pin: string) => signedIn(host.url, name, pin);
    const clerk = await as('clerk', '1111');
    await clerk.call('shifts.open', { float: xpf(0) });
    // The counter's drawer is counted at its own close.
    const atCounter = () => signedInAt(core, counter, 'manager', '9999');
    await (await atCounter()).call('shifts.open', { float: xpf(0) });
    const login = await core.dispatch(
      'auth.login',
      { name: 'clerk', pin: '1111' },
      null,
      'test',
      counter,
    );
    const token = login.ok ? (login.result as { token: string }).token : null;
    for (const [index, msisdn] of ['687123456', '687654321'].entries()) {
      const sold = await core.dispatch(
        'sales.renew',
        {
          msisdn,
          planId: '1go',
          payment: { method: 'card', reference: `TPE-${index}` },
          idempotencyKey: `counter-archive-${index}`,
        },
        token,
        'test',
        counter,
      );
      expect(sold).toMatchObject({ ok: true, result: { sale: { receiptNumber: index + 1 } } });
    }
    await clerk.call('sales.renew', {
      msisdn: '687777888',
      planId: '1go',
      payment: { method: 'card', reference: 'TPE-hub' },
      idempotencyKey: 'hub-archive',
    });
    clock = new Date('2026-11-20T18:00:00+11:00');
    await (await atCounter()).call('day.close', { counted: [] });
    await (await as('manager', '9999')).call('day.close', { counted: [] });
    clock = new Date('2026-12-02T09:00:00+11:00');
    const manager = await as('manager', '9999');
    await manager.call('periods.close', { kind: 'month', period: '2026-11' });
    // The accountant's journal of the month: every till's receipts, each row naming its till.
    const exported = await manager.call('accountant.export', { kind: 'month', period: '2026-11' });
    const journal = Buffer.from(exported.files[0]?.base64 ?? '', 'base64').toString('utf8');
    const rows = journal
      .replace('\uFEFF', '')
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    const column = (name: string) => rows[0]?.indexOf(name) ?? -1;
    expect(rows[0]?.at(-1)).toBe('till_id');
    // Issued at the same instant here: the tills' rows may come in either order.
    const entries = rows
      .slice(1)
      .map((row) => [row[column('receipt_number')], row[column('till')], row.at(-1)]);
    expect(entries).toHaveLength(3);
    expect(entries).toEqual(
      expect.arrayContaining([
        ['1', 'Counter 2', counter],
        ['2', 'Counter 2', counter],
        ['1', '1', findDeviceId(core.db)],
      ]),
    );
    const summary = Buffer.from(exported.files[1]?.base64 ?? '', 'base64').toString('utf8');
    expect(summary).toContain('total,all,3,');
    expect(summary).toContain('by_till,Counter 2,2,');

    const { archive } = await manager.call('archives.create', { period: '2026-11' });
    const bytes = fs.readFileSync(archive.file);
    expect(verifyArchive(bytes)).toMatchObject({ ok: true, problems: [] });

    const files = unzipSync(bytes);
    const read = (path: string) =>
      JSON.parse(decode(files[path])) as { deviceId: string; number: number; tillName: string }[];
    expect(read('receipts.json').map((receipt) => receipt.number)).toEqual([1]);
    expect(
      read('counter-receipts.json').map((receipt) => [
        receipt.deviceId,
        receipt.number,
        receipt.tillName,
      ]),
    ).toEqual([
      [counter, 1, 'Counter 2'],
      [counter, 2, 'Counter 2'],
    ]);

    // The counter's receipt 2 altered, the manifest's sums and seal written anew: still found.
    const receipts = read('counter-receipts.json');
    receipts[1] = { ...(receipts[1] as (typeof receipts)[number]), tillName: 'Counter 9' };
    files['counter-receipts.json'] = encode(`${JSON.stringify(receipts, null, 2)}\n`);
    const { seal: _seal, ...manifest } = JSON.parse(
      decode(files['manifest.json']),
    ) as ArchiveManifest;
    manifest.files = manifest.files.map(({ path }) => {
      const file = files[path] ?? new Uint8Array();
      return { path, sha256: sha256(file), bytes: file.length };
    });
    files['manifest.json'] = encode(sealedManifest(manifest));
    expect(verifyArchive(zipSync(files)).problems).toEqual([
      {
        path: 'counter-receipts.json',
        problem: 'receipt 2 of Counter 2 breaks the chain (hash_mismatch)',
      },
    ]);
  });
});
