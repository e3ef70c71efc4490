import { findDeviceId } from '../../electron/store/users';
import { signedIn, xpf } from './api';
import type { withTestHosts } from './host';

type TestHost = Awaited<ReturnType<ReturnType<typeof withTestHosts>>>;

/**
 * The demo shop (Nouméa, UTC+11) with November 2026 closed: two days, each with one card sale and
 * its Z report (and what the audit trail recorded of them), and the month's closure by
 * `periods.close`; the clock then on 2 December.
 */
export async function closedNovember(
  start: (options: { demo: boolean; now: () => Date }) => Promise<TestHost>,
) {
  let clock = new Date('2026-11-20T10:00:00+11:00');
  const started = await start({ demo: true, now: () => clock });
  const as = (name: string, pin: string) => signedIn(started.host.url, name, pin);
  for (const [index, day] of ['2026-11-20', '2026-11-21'].entries()) {
    clock = new Date(`${day}T10:00:00+11:00`);
    const clerk = await as('clerk', '1111');
    await clerk.call('shifts.open', { float: xpf(0) });
    await clerk.call('sales.renew', {
      msisdn: '687123456',
      planId: '1go',
      payment: { method: 'card', reference: `TPE-${index}` },
      idempotencyKey: `archive-${index}`,
    });
    clock = new Date(`${day}T18:00:00+11:00`);
    await (await as('manager', '9999')).call('day.close', { counted: [] });
  }
  const deviceId = findDeviceId(started.core.db) ?? '';
  clock = new Date('2026-12-02T09:00:00+11:00');
  const manager = await as('manager', '9999');
  const { closure } = await manager.call('periods.close', { kind: 'month', period: '2026-11' });
  return {
    ...started,
    deviceId,
    closure,
    manager,
    clerk: await as('clerk', '1111'),
    setClock: (at: Date) => {
      clock = at;
    },
  };
}
