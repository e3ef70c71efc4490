import { describe, expect, it } from 'vitest';
import { describeEntry } from '../../../electron/bank/transcript-text';
import type { TranscriptEntry } from '../../../electron/gsm/channel';
import { encodeUcs2Hex, packUssd } from '../../../electron/gsm/codecs';
import { carrierReplies } from '../../../electron/sales/carrier-replies';
import type { SaleEvent } from '../../../electron/sales/journal';

const at = (ms: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, 0, ms));
const kept = (entries: TranscriptEntry[]) => entries.map(describeEntry).join('\n');
const move = (
  from: SaleEvent['from'],
  to: SaleEvent['to'],
  transcript: string | null,
): SaleEvent => ({
  from,
  to,
  at: '2026-12-01T10:00:30.000Z',
  actor: { kind: 'modem', modemId: 'modem-1' },
  reason: null,
  transcript,
});

describe("the carrier's replies in a sale's transcripts", () => {
  it('reads each USSD answer of a menu, the PIN step masked, the final OK left out', () => {
    const [moved] = carrierReplies([
      move(
        'sending',
        'failed',
        kept([
          { at: at(0), direction: 'sent', text: 'AT+CSCS="GSM"' },
          { at: at(1), direction: 'received', text: 'OK' },
          { at: at(2), direction: 'sent', text: 'AT+CUSD=1,"*123#",15' },
          { at: at(3), direction: 'received', text: 'OK' },
          { at: at(900), direction: 'received', text: '+CUSD: 1,"1 Recharge forfait\n2 Solde",15' },
          { at: at(950), direction: 'sent', text: 'AT+CUSD=1,"••••",15' },
          {
            at: at(1500),
            direction: 'received',
            text: '+CUSD: 0,"Code PIN revendeur incorrect. Recharge de 687654321 annulée.",15\nOK',
          },
        ]),
      ),
    ]);
    expect(moved).toEqual({
      from: 'sending',
      to: 'failed',
      at: '2026-12-01T10:00:30.000Z',
      replies: [
        { at: at(900).toISOString(), via: 'ussd', text: '1 Recharge forfait\n2 Solde' },
        {
          at: at(1500).toISOString(),
          via: 'ussd',
          text: 'Code PIN revendeur incorrect. Recharge de 687654321 annulée.',
        },
      ],
    });
  });

  it('decodes answers by their DCS in the charset the modem was put in', () => {
    const [moved] = carrierReplies([
      move(
        'sending',
        'succeeded',
        kept([
          { at: at(0), direction: 'sent', text: 'AT+CSCS="UCS2"' },
          { at: at(1), direction: 'received', text: 'OK' },
          { at: at(5), direction: 'received', text: `+CUSD: 0,"${encodeUcs2Hex('剩余 TX7')}",72` },
          { at: at(6), direction: 'sent', text: 'AT+CSCS="GSM"' },
          { at: at(7), direction: 'received', text: `+CUSD: 0,"${packUssd('Solde 7')}",15` },
        ]),
      ),
    ]);
    expect(moved?.replies.map((reply) => reply.text)).toEqual(['剩余 TX7', 'Solde 7']);
  });

  it('keeps a +CUSD the channel only noted, and leaves out release notices and other clients', () => {
    const [moved] = carrierReplies([
      move(
        'sending',
        'unknown',
        kept([
          { at: at(0), direction: 'received', text: '+CUSD: 2' },
          { at: at(1), direction: 'received', text: '+CUSD: 3,"Not for you",15' },
          { at: at(2), direction: 'note', text: 'unexpected: +CUSD: 0,"Recharge 1Go OK",15' },
          { at: at(3), direction: 'note', text: 'no answer to AT+CUSD within 10000 ms' },
        ]),
      ),
    ]);
    expect(moved?.replies).toEqual([
      { at: at(2).toISOString(), via: 'ussd', text: 'Recharge 1Go OK' },
    ]);
  });

  it("reads a HiLink stick's answers, not an error nor another request's answer", () => {
    const [moved] = carrierReplies([
      move(
        'sending',
        'succeeded',
        kept([
          { at: at(0), direction: 'sent', text: 'POST /api/ussd/send *123*687123456*2*••••#' },
          {
            at: at(1),
            direction: 'received',
            text: "GET /api/ussd/get: Solde 5 (not this request's)",
          },
          { at: at(2), direction: 'received', text: 'GET /api/ussd/get: error 111019' },
          { at: at(3), direction: 'received', text: 'GET /api/ussd/get: Recharge 5Go OK. Réf TX9' },
        ]),
      ),
    ]);
    expect(moved?.replies).toEqual([
      { at: at(3).toISOString(), via: 'ussd', text: 'Recharge 5Go OK. Réf TX9' },
    ]);
  });

  it('reads a confirmation SMS and a late USSD answer kept as evidence, and nothing from a move without one', () => {
    const moves = carrierReplies([
      move('paid', 'sending', null),
      move(
        'unknown',
        'succeeded',
        'SMS from 4012 (2026-12-01T10:05:00.000Z): Recharge OK\nRéf TX1',
      ),
      move(
        'unknown',
        'failed',
        'late USSD answer on modem-1 (2026-12-01T10:01:00.000Z): +CUSD: 0,"Numéro inconnu"',
      ),
      move('unknown', 'failed', 'something else kept'),
    ]);
    expect(moves.map((moved) => moved.replies.map(({ via, text }) => ({ via, text })))).toEqual([
      [],
      [{ via: 'sms', text: 'Recharge OK\nRéf TX1' }],
      [{ via: 'ussd', text: 'Numéro inconnu' }],
      [],
    ]);
  });
});
