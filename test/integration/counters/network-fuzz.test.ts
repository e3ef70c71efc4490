import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withHubs } from '../../support/counters-hub';
import { body, handshake, header, method, path, rawRequest } from '../../support/fuzz-traffic';
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
        fc.asyncProperty(
          method,
          path,
          fc.array(header, { maxLength: 4 }),
          body,
          async (verb, target, headers, content) => {
            const answer = await exchange(
              rawRequest(
                hub.port,
                `${verb} ${target} HTTP/1.1`,
                [...cookie, ...headers],
                content,
                'close',
                own,
              ),
            );
            expect(answer.status).not.toBeNull();
            expect(answer.status).toBeLessThan(500);
            if ((answer.status as number) >= 400 && verb !== 'HEAD') {
              expect(JSON.parse(answer.body).error.code).toEqual(expect.any(String));
            }
          },
        ),
        { numRuns: 300 },
      );
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(path, fc.constant('/events')),
          fc.subarray(handshake),
          fc.uint8Array({ maxLength: 64 }),
          async (target, headers, frame) => {
            const answer = await exchange(
              rawRequest(
                hub.port,
                `GET ${target} HTTP/1.1`,
                [...cookie, ...headers],
                '',
                'upgrade',
                own,
              ),
              Buffer.from(frame),
            );
            expect(answer.status).not.toBeNull();
            expect(answer.status).toBeLessThan(500);
          },
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
