import { describe, expect, it } from 'vitest';
import {
  createReassembler,
  type ReceivedPart,
  type Release,
  readPdu,
} from '../../../../electron/gsm/sms';
import { deliver } from './fake-sim';

function parts(options: Parameters<typeof deliver>[0], firstIndex: number): ReceivedPart[] {
  return deliver(options).map((part, i) => {
    const read = readPdu(part.hex, { index: firstIndex + i, length: part.length });
    if (read.kind !== 'part') throw new Error(`not a part: ${read.kind}`);
    return read;
  });
}

function texts(releases: Release[]): string[] {
  return releases.flatMap((r) => (r.type === 'message' ? [r.message.text] : []));
}

const at = (ms: number) => ({ at: ms, via: 'cmti' as const });
const A = `${'A'.repeat(160)}a`;
const B = `${'B'.repeat(160)}b`;

describe('putting parts back together', () => {
  it('keeps apart two messages of a carrier that always uses the same reference', () => {
    const reassembler = createReassembler({ incompleteAfterMs: 1_000 });
    const [a1, a2] = parts({ from: '4012', text: A, concatRef: 0 }, 0);
    const [b1, b2] = parts({ from: '4012', text: B, concatRef: 0 }, 2);
    if (!a1 || !a2 || !b1 || !b2) throw new Error('expected two parts each');
    const releases = [a1, b1, a2, b2].flatMap((part, i) => reassembler.add(part, at(i)));
    expect(texts(releases)).toEqual([A, B]);
  });

  it('never joins parts of two senders that share a reference', () => {
    const reassembler = createReassembler({ incompleteAfterMs: 1_000 });
    const [a1] = parts({ from: '4012', text: A, concatRef: 5 }, 0);
    const [, b2] = parts({ from: '4013', text: B, concatRef: 5 }, 2);
    if (!a1 || !b2) throw new Error('expected parts');
    expect([...reassembler.add(a1, at(0)), ...reassembler.add(b2, at(1))]).toEqual([]);
    expect(reassembler.waiting()).toBe(2);
  });

  it('keeps 8-bit and 16-bit references apart', () => {
    const reassembler = createReassembler({ incompleteAfterMs: 1_000 });
    const [a1] = parts({ from: '4012', text: A, concatRef: 5, concatRefBits: 8 }, 0);
    const [, b2] = parts({ from: '4012', text: B, concatRef: 5, concatRefBits: 16 }, 2);
    if (!a1 || !b2) throw new Error('expected parts');
    expect([...reassembler.add(a1, at(0)), ...reassembler.add(b2, at(1))]).toEqual([]);
  });

  it('releases an incomplete message once, then forgets it after as long again', () => {
    const reassembler = createReassembler({ incompleteAfterMs: 1_000 });
    const [a1] = parts({ from: '4012', text: A, concatRef: 1 }, 0);
    if (!a1) throw new Error('expected a part');
    reassembler.add(a1, at(0));
    expect(reassembler.expire(999)).toEqual([]);
    const released = reassembler.expire(1_000);
    expect(released).toHaveLength(1);
    expect(released[0]).toMatchObject({
      type: 'message',
      message: { complete: false, missing: [2], indexes: [0] },
    });
    expect(reassembler.expire(1_500)).toEqual([]);
    expect(reassembler.waiting()).toBe(0);
  });
});
