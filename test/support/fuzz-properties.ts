import fc from 'fast-check';
import { expect } from 'vitest';
import { body, handshake, header, method, path } from './fuzz-traffic';
import type { RawAnswer } from './raw-http';

/** Sends a generated request's line, headers and body as bytes, and reads the answer. */
type SendRequest = (requestLine: string, headers: string[], body: string) => Promise<RawAnswer>;
/** Sends a generated upgrade's line and headers, then `frame` on the socket if accepted. */
type SendUpgrade = (requestLine: string, headers: string[], frame: Buffer) => Promise<RawAnswer>;

/** Every generated request is answered, below 500, a refusal in the one error shape. */
export const everyRequestAnswered = (send: SendRequest) =>
  fc.asyncProperty(
    method,
    path,
    fc.array(header, { maxLength: 4 }),
    body,
    async (verb, target, headers, content) => {
      const answer = await send(`${verb} ${target} HTTP/1.1`, headers, content);
      expect(answer.status).not.toBeNull();
      expect(answer.status).toBeLessThan(500);
      if ((answer.status as number) >= 400 && verb !== 'HEAD') {
        expect(JSON.parse(answer.body).error.code).toEqual(expect.any(String));
      }
    },
  );

/** Every generated WebSocket upgrade is answered below 500, and any frame after it survived. */
export const everyUpgradeAnswered = (send: SendUpgrade) =>
  fc.asyncProperty(
    fc.oneof(path, fc.constant('/events')),
    fc.subarray(handshake),
    fc.uint8Array({ maxLength: 64 }),
    async (target, headers, frame) => {
      const answer = await send(`GET ${target} HTTP/1.1`, headers, Buffer.from(frame));
      expect(answer.status).not.toBeNull();
      expect(answer.status).toBeLessThan(500);
    },
  );
