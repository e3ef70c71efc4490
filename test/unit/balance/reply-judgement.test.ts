import { describe, expect, it } from 'vitest';
import { judgeReply, type ReplyVerdict } from '../../../electron/balance/reply-judgement';

const ASKED = '+687123456';
const LATE = '+687654321';
const OTHER = '+687777888';

describe('whose reply a carrier SMS is', () => {
  it.each<[string, string | null, string | null, string[], ReplyVerdict]>([
    // The reply names its card.
    ['names the card asked about', ASKED, ASKED, [], { kind: 'answer' }],
    ['names the card asked about, with a debt', ASKED, ASKED, [LATE], { kind: 'answer' }],
    [
      'names the card of a timed-out query',
      LATE,
      ASKED,
      [OTHER, LATE],
      { kind: 'late', settles: 1 },
    ],
    ['names a card nobody asked about', OTHER, ASKED, [LATE], { kind: 'other' }],
    ['names a card while nothing is asked', LATE, null, [LATE], { kind: 'late', settles: 0 }],
    // The reply names no card: the order decides.
    ['names none, nothing owed', null, ASKED, [], { kind: 'answer' }],
    ['names none, one reply owed', null, ASKED, [LATE], { kind: 'late', settles: 0 }],
    ['names none, two owed: the oldest', null, ASKED, [LATE, OTHER], { kind: 'late', settles: 0 }],
    ['names none, owed, nothing asked', null, null, [LATE], { kind: 'late', settles: 0 }],
    ['names none, nothing owed or asked', null, null, [], { kind: 'other' }],
  ])('a reply that %s', (_label, subject, asking, owed, verdict) => {
    expect(judgeReply(subject, asking, owed)).toEqual(verdict);
  });
});
