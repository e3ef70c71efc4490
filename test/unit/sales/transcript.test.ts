import { describe, expect, it } from 'vitest';
import { describeEntry, readEntries } from '../../../electron/bank/transcript-text';
import type { TranscriptEntry } from '../../../electron/gsm/channel';
import { writeTranscript } from '../../../electron/gsm/replay/write';
import type { SaleEvent } from '../../../electron/sales/journal';
import { saleTranscript } from '../../../electron/sales/transcript';
import type { Sale } from '../../../shared/sale';

const at = (ms: number) => new Date(Date.UTC(2026, 4, 4, 0, 0, 0, ms));

const entries: TranscriptEntry[] = [
  { at: at(0), direction: 'sent', text: '<ESC>' },
  { at: at(1), direction: 'sent', text: 'AT+CUSD=1,"*123#",15' },
  { at: at(3), direction: 'received', text: 'OK' },
  { at: at(1203), direction: 'received', text: '+CUSD: 1,"1 Recharge\n2 Solde",15' },
  { at: at(1210), direction: 'sent', text: 'AT+CUSD=1,"••••",15' },
  { at: at(1211), direction: 'received', text: '+CUSD: 0,"R\u0005f TX1",15\nOK' },
  { at: at(31_211), direction: 'note', text: 'unexpected: OK' },
  { at: at(31_212), direction: 'note', text: 'no answer to AT+CSQ within 5000 ms' },
  { at: at(31_213), direction: 'sent', text: '0011000B91<Ctrl-Z>' },
];
const kept = entries.map(describeEntry).join('\n');

const sale = {
  id: 7,
  status: 'succeeded',
  msisdn: '+687654321',
  carrierId: 'nc-demo',
  planId: '5go',
  planName: '5 Go',
  modemId: 'modem-1',
  carrierReference: 'TX1',
  createdAt: '2026-05-04T00:00:00.000Z',
} as Sale;

const moves: SaleEvent[] = [
  {
    from: 'paid',
    to: 'sending',
    at: '2026-05-04T00:00:00.000Z',
    actor: { kind: 'user', role: 'clerk', userId: 1 },
    reason: null,
    transcript: null,
  },
  {
    from: 'sending',
    to: 'succeeded',
    at: '2026-05-04T00:00:31.300Z',
    actor: { kind: 'modem', modemId: 'modem-1' },
    reason: null,
    transcript: kept,
  },
  {
    from: 'unknown',
    to: 'succeeded',
    at: '2026-05-04T01:00:00.000Z',
    actor: { kind: 'carrier-sms', modemId: 'modem-1' },
    reason: 'confirmed',
    transcript: 'SMS from 4012: Recharge OK\nRef TX1',
  },
];

describe("a sale's transcript as the journal keeps it", () => {
  it('reads back the entries it was written from, several lines each where they had them', () => {
    expect(readEntries(kept)).toEqual(entries);
  });

  it('is not read as entries when it is not one (a carrier SMS kept as evidence)', () => {
    expect(readEntries('SMS from 4012: Recharge OK')).toBeNull();
  });

  it('becomes a replay file: moves as comments, lines as events, long gaps as pauses', () => {
    expect(writeTranscript(saleTranscript(sale, moves))).toBe(
      [
        '# Sale 7: 5 Go (5go, nc-demo) for +687654321, sent through modem-1',
        '# source: the renewal journal (sale_events), sale 7, created 2026-05-04T00:00:00.000Z',
        'outcome: succeeded, reference TX1',
        '# paid -> sending at 2026-05-04T00:00:00.000Z by clerk:1',
        '# sending -> succeeded at 2026-05-04T00:00:31.300Z by modem:modem-1',
        '>~ 1b',
        '> AT+CUSD=1,"*123#",15',
        '< OK',
        '+ 1200ms',
        '< +CUSD: 1,"1 Recharge',
        '< 2 Solde",15',
        '> AT+CUSD=1,"••••",15',
        '<~ 2b 43 55 53 44 3a 20 30 2c 22 52 05 66 20 54 58 31 22 2c 31 35 0d 0a',
        '< OK',
        '+ 30s',
        '< OK',
        '# no answer to AT+CSQ within 5000 ms',
        '>~ 30 30 31 31 30 30 30 42 39 31 1a',
        '# unknown -> succeeded at 2026-05-04T01:00:00.000Z by carrier-sms:modem-1: confirmed',
        '# SMS from 4012: Recharge OK',
        '# Ref TX1',
        '',
      ].join('\n'),
    );
  });
});
