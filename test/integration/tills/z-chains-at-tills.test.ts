import { describe, expect, it } from 'vitest';
import { xpf } from '../../support/api';
import { pairTill, saleAt, signedInAt } from '../../support/drawers';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();
const counted = (...notes: [number, number][]) =>
  notes.map(([denomination, count]) => ({ denomination: xpf(denomination), count }));

describe('the Z chains of the shop’s tills', () => {
  it('checks a counter’s Z chain on its own, and finds it altered', async () => {
    const { core } = await startTestHost({ demo: true });
    const two = pairTill(core.db, 'Counter 2');
    const hub = await signedInAt(core, null, 'manager', '9999');
    const atTwo = await signedInAt(core, two, 'manager', '9999');
    await atTwo.call('shifts.open', { float: xpf(5_000) });
    saleAt(core.db, two, { price: 1_000 });
    const { z } = await atTwo.call('day.close', { counted: counted([5_000, 1], [1_000, 1]) });
    expect(z).toMatchObject({ number: 1, deviceId: two });

    const holds = await hub.call('receipts.verify', {});
    expect(holds.tills?.map((till) => [till.tillName, till.zReports])).toEqual([
      ['1', { ok: true, count: 0 }],
      ['Counter 2', { ok: true, count: 1 }],
    ]);

    core.db.exec('DROP TRIGGER z_reports_are_append_only_update');
    core.db
      .prepare(
        `UPDATE z_reports SET content = replace(content, '"Counter 2"', '"Counter 9"')
         WHERE device_id = ?`,
      )
      .run(two);
    const content = core.db
      .prepare('SELECT content FROM z_reports WHERE device_id = ?')
      .pluck()
      .get(two) as string;
    expect(content).toContain('Counter 9');
    const altered = await hub.call('receipts.verify', {});
    // The hub's own chain holds; the counter's is broken at its Z 1.
    expect(altered.zReports).toEqual({ ok: true, count: 0 });
    expect(altered.tills?.[1]?.zReports).toMatchObject({ ok: false, count: 1, brokenAt: 1 });
  });
});
