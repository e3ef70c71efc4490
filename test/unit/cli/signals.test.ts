import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { waitForSignals } from '../../../electron/cli/signals';

describe('stopping on a signal', () => {
  it('starts a clean stop on the first SIGINT or SIGTERM', async () => {
    const process = new EventEmitter();
    const stopped = waitForSignals(process).next();
    process.emit('SIGTERM', 'SIGTERM');
    await expect(stopped).resolves.toBe('SIGTERM');
  });

  it('keeps catching signals while stopping, so a second Ctrl+C cannot kill it halfway', async () => {
    const process = new EventEmitter();
    const signals = waitForSignals(process);
    const stopped = signals.next();
    process.emit('SIGINT', 'SIGINT');
    await stopped;
    process.emit('SIGINT', 'SIGINT');
    // Node kills a process on SIGINT only when nothing listens for it.
    expect(process.listenerCount('SIGINT')).toBeGreaterThan(0);
    expect(process.listenerCount('SIGTERM')).toBeGreaterThan(0);
    await expect(signals.next()).resolves.toBe('SIGINT');
  });
});
