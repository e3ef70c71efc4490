import { describe, expect, it } from 'vitest';
import { createHubWatch, type HubConnection } from '../../../electron/counter/hub-watch';
import { until } from '../../support/until';

describe('a counter watching whether its hub answers', () => {
  it('says it is gone at the first failure, asks again sooner then less often, and says it is back', async () => {
    const pings: number[] = [];
    let answering = false;
    const changes: HubConnection[] = [];
    const watch = createHubWatch({
      ping: async () => {
        pings.push(Date.now());
        if (!answering) throw new Error('Nothing answers at 127.0.0.2:5171 (ECONNREFUSED)');
      },
      changed: (connection) => changes.push(connection),
      now: () => new Date(),
      pingMs: 10_000,
      maxRetryMs: 400,
    });
    try {
      await until(
        () => changes.length,
        (count) => count === 1,
        'the hub seen gone',
      );
      expect(changes[0]).toMatchObject({
        reachable: false,
        problem: 'Nothing answers at 127.0.0.2:5171 (ECONNREFUSED)',
      });
      await until(
        () => pings.length,
        (count) => count >= 6,
        'the retries',
      );
      const gaps = pings.slice(1).map((at, index) => at - (pings[index] as number));
      // 40, 80, 160, 320, then every 400 ms (timers are late, never early).
      expect(gaps[0]).toBeGreaterThanOrEqual(35);
      expect(gaps[0]).toBeLessThan(200);
      expect(gaps[4]).toBeGreaterThanOrEqual(395);
      answering = true;
      await until(
        () => changes.length,
        (count) => count === 2,
        'the hub seen back',
      );
      expect(changes[1]).toMatchObject({ reachable: true, problem: null });
      const after = pings.length;
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Back and silent: the next ping waits for pingMs.
      expect(pings.length).toBe(after);
    } finally {
      watch.stop();
    }
  });

  it('takes a failed call as the hub gone, and any answer as the hub there', () => {
    const changes: boolean[] = [];
    const watch = createHubWatch({
      ping: () => new Promise(() => {}),
      changed: (connection) => changes.push(connection.reachable),
      now: () => new Date(),
      pingMs: 10_000,
      maxRetryMs: 10_000,
    });
    watch.lost('The link to the hub was lost');
    watch.lost('again');
    expect(watch.current()).toMatchObject({
      reachable: false,
      problem: 'The link to the hub was lost',
    });
    watch.heard();
    expect(changes).toEqual([false, true]);
    watch.stop();
  });
});
