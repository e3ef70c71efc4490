/** What a stop waits for: the top-ups running, for no longer than it is allowed. */
import { describe, expect, it } from 'vitest';
import { createInFlight } from '../../../electron/sales/in-flight';

describe('the top-ups in flight', () => {
  it('are counted until they end, whether they succeed or throw', async () => {
    const inFlight = createInFlight();
    let finish: (value: string) => void = () => {};
    const sale = inFlight.track(new Promise<string>((resolve) => (finish = resolve)));
    const refused = inFlight.track(Promise.reject(new Error('refused')));
    expect(inFlight.count).toBe(2);
    await expect(refused).rejects.toThrow('refused');
    expect(inFlight.count).toBe(1);
    const settled = inFlight.settled(600_000);
    finish('final');
    await settled;
    await expect(sale).resolves.toBe('final');
    expect(inFlight.count).toBe(0);
  });

  it('are waited for no longer than the limit when one never ends', async () => {
    const inFlight = createInFlight();
    inFlight.track(new Promise(() => {}));
    await inFlight.settled(20);
    expect(inFlight.count).toBe(1);
  });
});
