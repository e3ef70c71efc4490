import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withHubs } from '../../support/counters-hub';
import { everyRequestAnswered, everyUpgradeAnswered } from '../../support/fuzz-properties';
import { rawRequest } from '../../support/fuzz-traffic';
import { rawExchange } from '../../support/raw-http';

const startHub = withHubs();

describe('the hub’s network listener under generated traffic', () => {
  it.each([
    ['an unpaired stranger', false],
    ['a paired counter', true],
  ])(
    'answers everything %s sends below 500, in the one shape, and keeps serving',
    async (_label, paired) => {
      const hub = await startHub();
      const counter = await hub.counter();
      const own = `127.0.0.2:${hub.port}`;
      const cookie = paired ? [`cookie: ${counter.cookie}`] : [];
      const salesBefore = hub.core.db.prepare('SELECT count(*) FROM sales').pluck().get();
      const exchange = (bytes: string, afterUpgrade?: Buffer) =>
        rawExchange(hub.port, bytes, { tls: { host: '127.0.0.2' }, afterUpgrade });
      await fc.assert(
        everyRequestAnswered((line, headers, content) =>
          exchange(rawRequest(hub.port, line, [...cookie, ...headers], content, 'close', own)),
        ),
        { numRuns: 300 },
      );
      await fc.assert(
        everyUpgradeAnswered((line, headers, frame) =>
          exchange(rawRequest(hub.port, line, [...cookie, ...headers], '', 'upgrade', own), frame),
        ),
        { numRuns: 150 },
      );
      const after = await counter.call('tills.list', {}, counter.token);
      expect(after.status).toBe(200);
      expect(hub.core.db.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(salesBefore);
    },
    120_000,
  );
});
