import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeGsm7, decodePdu, type SmsSubmit } from '../../../../electron/gsm/codecs';
import {
  createReassembler,
  createSmsInbox,
  groupStored,
  type InboxMessage,
  type ReadPdu,
  type ReceivedPart,
  readPdu,
  sendSms,
} from '../../../../electron/gsm/sms';
import { deliver, fakeSim, tick } from './fake-sim';

const GSM_CHARS = [
  ...Array.from(
    decodeGsm7(Array.from({ length: 128 }, (_, septet) => septet).filter((s) => s !== 0x1b)),
  ),
  // The extension table: two septets each, never to be split across parts.
  ...Array.from('\f^{}\\[~]|€'),
];
const OTHER_CHARS = ['😀', '👍🏽', '中', '文', '余额', 'é', 'ç', 'ё', '’', '🇳🇨'];

const gsmText = fc
  .array(fc.constantFrom(...GSM_CHARS), { minLength: 1, maxLength: 500 })
  .map((chars) => chars.join(''));
const anyText = fc.oneof(
  gsmText,
  fc
    .array(fc.oneof(fc.constantFrom(...GSM_CHARS), fc.constantFrom(...OTHER_CHARS)), {
      minLength: 1,
      maxLength: 300,
    })
    .map((chars) => chars.join('')),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }),
);

/** An SMS-SUBMIT read as the receiving phone will see it. */
function asReceived(submit: SmsSubmit, index: number): ReceivedPart {
  return {
    kind: 'part',
    index,
    sender: '+687751234',
    timestamp: '2024-05-01T10:00:00+11:00',
    text: submit.text,
    encoding: submit.encoding,
    smsc: null,
    concat: submit.concat && {
      ...submit.concat,
      bits: submit.udh.some((e) => e.iei === 0x08) ? 16 : 8,
    },
    warnings: submit.warnings,
    truncated: submit.truncated,
  };
}

describe('whatever the text, what goes out comes back', () => {
  it('the PDUs written to the modem decode and reassemble to the text sent', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, fc.nat(255), async (text, reference) => {
        const sim = fakeSim();
        const result = await sendSms(sim.channel, {
          to: '4012',
          text,
          nextReference: () => reference,
        });
        expect(sim.sent).toHaveLength(result.parts);
        const reassembler = createReassembler({ incompleteAfterMs: 1_000 });
        const releases = sim.sent.flatMap((part, i) => {
          // AT+CMGS announced the TPDU length: the body minus its one-octet "no SMSC" prefix.
          expect(part.hex.length).toBe(2 + part.length * 2);
          const submit = decodePdu(part.hex, { tpduLength: part.length }) as SmsSubmit;
          expect(submit.recipient).toBe('4012');
          return reassembler.add(asReceived(submit, i), { at: 0, via: 'cmt' });
        });
        expect(releases).toHaveLength(1);
        expect(releases[0]).toMatchObject({
          type: 'message',
          message: { text, complete: true, total: result.parts },
        });
      }),
      { numRuns: 150 },
    );
  });
});

/** The parts of `text` in an arrival order, some repeated; each arrival gets its own index. */
const arrivals = fc
  .record({
    text: anyText.filter((text) => text.length > 0),
    ref: fc.nat(0xffff),
    bits: fc.constantFrom<8 | 16>(8, 16),
    seed: fc.array(fc.nat(), { maxLength: 4 }),
  })
  .chain(({ text, ref, bits, seed }) => {
    const parts = deliver({
      from: '+6874012',
      text,
      concatRef: bits === 8 ? ref & 0xff : ref,
      concatRefBits: bits,
    });
    const order = fc.shuffledSubarray(
      parts.map((_, i) => i),
      { minLength: parts.length, maxLength: parts.length },
    );
    return order.map((indexes) => {
      // Duplicates: each seed number repeats one part at some later place.
      const sequence = [...indexes];
      for (const n of seed) sequence.splice(n % (sequence.length + 1), 0, n % parts.length);
      return { text, parts, sequence };
    });
  });

function readAll(parts: ReturnType<typeof deliver>, sequence: number[]): ReadPdu[] {
  return sequence.map((which, index) => {
    const part = parts[which];
    if (!part) throw new Error('no such part');
    return readPdu(part.hex, { index, length: part.length });
  });
}

describe('whatever the order of arrival, the message is the same', () => {
  it('parts in any order, duplicates included, make one complete message holding every index', () => {
    fc.assert(
      fc.property(arrivals, ({ text, parts, sequence }) => {
        const reassembler = createReassembler({ incompleteAfterMs: 1_000 });
        const messages: InboxMessage[] = [];
        const handedOver: number[] = [];
        for (const [i, read] of readAll(parts, sequence).entries()) {
          if (read.kind !== 'part') throw new Error(`not a part: ${read.kind}`);
          for (const release of reassembler.add(read, { at: i, via: 'cmti' })) {
            if (release.type === 'message') messages.push(release.message);
            handedOver.push(
              ...(release.type === 'message' ? release.message.indexes : release.indexes),
            );
          }
        }
        expect(messages).toHaveLength(1);
        expect(messages[0]).toMatchObject({ text, complete: true, sender: '+6874012' });
        expect(handedOver.sort((a, b) => a - b)).toEqual(sequence.map((_, i) => i));
        expect(reassembler.waiting()).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('the SIM listing groups them into the same one message', () => {
    fc.assert(
      fc.property(arrivals, ({ text, parts, sequence }) => {
        const listed = groupStored(readAll(parts, sequence), 0);
        expect(listed).toHaveLength(1);
        expect(listed[0]).toMatchObject({ text, complete: true });
        expect(listed[0]?.indexes).toEqual(sequence.map((_, i) => i));
      }),
      { numRuns: 200 },
    );
  });

  it('the inbox saves it once and empties the SIM', async () => {
    await fc.assert(
      fc.asyncProperty(arrivals, async ({ text, parts, sequence }) => {
        const sim = fakeSim();
        const saved: InboxMessage[] = [];
        const inbox = createSmsInbox(sim.channel, {
          store: { save: (message) => void saved.push(message) },
          incompleteAfterMs: 60_000,
          sweepEveryMs: 0,
        });
        await inbox.start();
        for (const which of sequence) {
          const part = parts[which];
          if (part) sim.arrive(part);
        }
        await tick(5);
        await inbox.settled();
        await tick(5);
        await inbox.settled();
        expect(saved.map((m) => [m.text, m.complete])).toEqual([[text, true]]);
        expect(sim.slots.size).toBe(0);
      }),
      { numRuns: 40 },
    );
  });
});
