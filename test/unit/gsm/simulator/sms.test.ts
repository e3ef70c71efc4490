/**
 * SMS through the simulated modem in PDU mode: a balance query sent with AT+CMGS (a PDU made by
 * the codecs' encodeSubmit), the carrier's multipart UCS2 answer announced by +CMTI, read back
 * with AT+CMGR and decoded with decodePdu; storage, listing, deleting, a full SIM.
 */
import { describe, expect, it } from 'vitest';
import {
  decodePdu,
  encodeDeliver,
  encodeSubmit,
  type SmsDeliver,
} from '../../../../electron/gsm/codecs';
import { type Bench, bench, CUSD_LINE } from './harness';

const OK = '\r\nOK\r\n';
const BALANCE_REPLY =
  "Forfait 5Go : il vous reste 3,2 Go valables jusqu'au 30/11/2026 23:59. 剩余流量 3.2GB，有效期至 2026年11月30日。";

/** Sends `text` to `to` with AT+CMGS, one part after the other; returns what the modem said. */
async function sendSms(modem: Bench, to: string, text: string): Promise<string> {
  let said = '';
  for (const part of encodeSubmit({ to, text })) {
    said += await modem.answer(`AT+CMGS=${part.length}\r`);
    said += await modem.answer(`${part.hex}\x1a`);
  }
  return said;
}

/** Reads a stored message with AT+CMGR and decodes its PDU by the announced length. */
async function readStored(modem: Bench, index: number): Promise<{ stat: number; pdu: SmsDeliver }> {
  const answer = await modem.answer(`AT+CMGR=${index}\r`);
  const match = /\+CMGR: (\d),,(\d+)\r\n([0-9A-F]+)\r\n/.exec(answer);
  if (!match?.[3]) throw new Error(`No +CMGR in ${JSON.stringify(answer)}`);
  const pdu = decodePdu(match[3], { tpduLength: Number(match[2]) });
  if (pdu.type !== 'SMS-DELIVER') throw new Error(`Not a delivery: ${pdu.type}`);
  return { stat: Number(match[1]), pdu };
}

describe('the SMS balance query', () => {
  it('is answered by a multipart UCS2 SMS from 4012, each part announced by +CMTI', async () => {
    const modem = bench();
    await modem.answer('AT+CNMI=2,1,0,0,0\r');
    const sent = await sendSms(modem, '4012', 'CXLL 687123456');
    // The answer comes once the OK is out: one +CMTI per part.
    expect(sent).toMatch(
      /^AT\+CMGS=\d+\r\r\n> [0-9A-F]+\r\n\+CMGS: 1\r\n\r\nOK\r\n\r\n\+CMTI: "SM",1\r\n\r\n\+CMTI: "SM",2\r\n$/,
    );

    const parts = [await readStored(modem, 1), await readStored(modem, 2)];
    for (const { stat, pdu } of parts) {
      expect(stat).toBe(0);
      expect(pdu).toMatchObject({
        sender: '4012',
        encoding: 'ucs2',
        smsc: '+687900100',
        timestamp: '2026-05-04T09:30:00+11:00',
      });
      expect(pdu.concat?.total).toBe(2);
    }
    expect(parts.map(({ pdu }) => pdu.concat?.part)).toEqual([1, 2]);
    expect(parts[0]?.pdu.concat?.ref).toBe(parts[1]?.pdu.concat?.ref);
    expect(parts.map(({ pdu }) => pdu.text).join('')).toBe(BALANCE_REPLY);
    // Read once, the parts are no longer unread.
    expect((await readStored(modem, 1)).stat).toBe(1);
  });

  it('shows the data a top-up added', async () => {
    const modem = bench();
    for (const step of ['*123#', '1', '687123456', '2', '1234']) {
      await modem.answer(`AT+CUSD=1,"${step}",15\r`, { until: CUSD_LINE });
    }
    await sendSms(modem, '4012', 'cxll 687123456');
    await modem.settle();
    const parts = [await readStored(modem, 1), await readStored(modem, 2)];
    expect(parts.map(({ pdu }) => pdu.text).join('')).toContain('il vous reste 8,2 Go');
  });

  it('comes after the network latency on a slow network, like the +CMGS', async () => {
    const modem = bench({ profile: 'slow' });
    modem.clock.advance(1500);
    await modem.answer('AT+CNMI=2,1,0,0,0\r');
    const [part] = encodeSubmit({ to: '4012', text: 'CXLL 687123456' });
    if (!part) throw new Error('no part');
    await modem.answer(`AT+CMGS=${part.length}\r`);
    await modem.send(`${part.hex}\x1a`);
    await modem.settle();
    expect(modem.take()).toBe(part.hex);
    modem.clock.advance(3000);
    expect(await modem.waitFor(/OK\r\n/)).toBe(`\r\n+CMGS: 1\r\n${OK}`);
    await modem.settle();
    expect(modem.take()).toBe('');
    modem.clock.advance(3000);
    expect(await modem.waitFor(/"SM",2\r\n/)).toContain('+CMTI: "SM",1');
  });

  it('reassembles a query sent in two parts', async () => {
    const modem = bench();
    const text = `CXLL 687654321${' '.repeat(170)}`;
    expect(encodeSubmit({ to: '4012', text })).toHaveLength(2);
    expect(await sendSms(modem, '4012', text)).toContain('+CMGS: 2');
    await modem.settle();
    const { pdu } = await readStored(modem, 1);
    expect(pdu.text).toContain("Forfait 1Go : il vous reste 0,1 Go valables jusqu'au 10/05/2026");
  });

  it('answers an unknown keyword with the usage', async () => {
    const modem = bench();
    await sendSms(modem, '4012', 'SOLDE 687123456');
    await modem.settle();
    const { pdu } = await readStored(modem, 1);
    expect(pdu.text).toBe('Commande inconnue. Envoyez CXLL suivi du numéro client.');
  });

  it('answers an unknown customer', async () => {
    const modem = bench();
    await sendSms(modem, '4012', 'CXLL 687000000');
    await modem.settle();
    expect((await readStored(modem, 1)).pdu.text).toBe(
      'Numéro 687000000 inconnu. Envoyez CXLL suivi du numéro client.',
    );
  });

  it('sends other messages without an answer, numbering each reference', async () => {
    const modem = bench();
    expect(await sendSms(modem, '+687777888', 'Bonjour')).toContain('+CMGS: 1');
    expect(await sendSms(modem, '+687777888', 'Encore')).toContain('+CMGS: 2');
    await modem.settle();
    expect(modem.modem.state.messages).toEqual([]);
  });
});

describe('AT+CMGS', () => {
  it('refuses a PDU that is not hex, or not as long as announced', async () => {
    const modem = bench();
    await modem.answer('AT+CMEE=1\r');
    await modem.answer('AT+CMGS=10\r');
    expect(await modem.answer('nothex\x1a')).toBe('nothex\r\n+CMS ERROR: 304\r\n');
    const [part] = encodeSubmit({ to: '4012', text: 'CXLL 687123456' });
    await modem.answer(`AT+CMGS=${(part?.length ?? 0) + 1}\r`);
    expect(await modem.answer(`${part?.hex}\x1a`)).toContain('+CMS ERROR: 304');
  });

  it('refuses an SMS-DELIVER where an SMS-SUBMIT belongs', async () => {
    const modem = bench();
    await modem.answer('AT+CMEE=1\r');
    const [part] = encodeDeliver({
      from: '4012',
      text: 'x',
      timestamp: '2026-05-04T09:30:00+11:00',
    });
    await modem.answer(`AT+CMGS=${part?.length}\r`);
    expect(await modem.answer(`${part?.hex}\x1a`)).toContain('+CMS ERROR: 304');
  });

  it('holds URCs while the prompt is open', async () => {
    const modem = bench();
    await modem.answer('AT+CNMI=2,1,0,0,0\r');
    await modem.answer('AT+CMGS=23\r');
    modem.modem.receiveSms('+687123456', 'Pendant la saisie');
    await modem.settle();
    expect(modem.take()).toBe('');
    expect(await modem.answer('\x1b')).toBe(`${OK}\r\n+CMTI: "SM",1\r\n`);
  });

  it('is refused off the network', async () => {
    const modem = bench();
    await modem.answer('AT+CMEE=1\r');
    modem.modem.setRegistration(0);
    const [part] = encodeSubmit({ to: '4012', text: 'CXLL 687123456' });
    await modem.answer(`AT+CMGS=${part?.length}\r`);
    expect(await modem.answer(`${part?.hex}\x1a`)).toContain('+CMS ERROR: 331');
  });
});

describe('incoming messages', () => {
  it('are stored silently with the power-on AT+CNMI, and listed by AT+CMGL', async () => {
    const modem = bench();
    expect(modem.modem.receiveSms('NCMobile', 'Bienvenue')).toEqual([1]);
    expect(modem.modem.receiveSms('+687123456', 'Merci')).toEqual([2]);
    await modem.settle();
    expect(modem.take()).toBe('');
    const listed = await modem.answer('AT+CMGL=0\r');
    const rows = [...listed.matchAll(/\+CMGL: (\d+),(\d),,(\d+)\r\n([0-9A-F]+)/g)];
    expect(rows.map((row) => [row[1], row[2]])).toEqual([
      ['1', '0'],
      ['2', '0'],
    ]);
    const first = rows[0];
    expect(decodePdu(first?.[4] ?? '', { tpduLength: Number(first?.[3]) })).toMatchObject({
      sender: 'NCMobile',
      text: 'Bienvenue',
    });
    // Listed unread messages become read.
    expect(await modem.answer('AT+CMGL=0\r')).toBe(`AT+CMGL=0\r${OK}`);
    expect(await modem.answer('AT+CMGL=1\r')).toContain('+CMGL: 2,1,,');
  });

  it('come straight as +CMT when AT+CNMI=2,2 asks, and are not stored', async () => {
    const modem = bench();
    await modem.answer('AT+CNMI=2,2,0,0,0\r');
    expect(modem.modem.receiveSms('+687123456', 'Direct')).toEqual([]);
    const shown = await modem.waitFor(/\+CMT: ,\d+\r\n[0-9A-F]+\r\n/);
    const match = /\+CMT: ,(\d+)\r\n([0-9A-F]+)\r\n/.exec(shown);
    expect(decodePdu(match?.[2] ?? '', { tpduLength: Number(match?.[1]) })).toMatchObject({
      sender: '+687123456',
      text: 'Direct',
    });
    expect(modem.modem.state.messages).toEqual([]);
  });

  it('are deleted one by one or by flag', async () => {
    const modem = bench();
    for (const text of ['a', 'b', 'c']) modem.modem.receiveSms('+687123456', text);
    await modem.answer('AT+CMGR=1\r');
    expect(await modem.answer('AT+CMGD=2\r')).toBe(`AT+CMGD=2\r${OK}`);
    expect(modem.modem.state.messages.map((message) => message.index)).toEqual([1, 3]);
    expect(await modem.answer('AT+CMGD=?\r')).toBe(`AT+CMGD=?\r\r\n+CMGD: (1,3),(0-4)\r\n${OK}`);
    await modem.answer('AT+CMGD=0,1\r'); // every read message
    expect(modem.modem.state.messages.map((message) => message.index)).toEqual([3]);
    await modem.answer('AT+CMGD=0,4\r');
    expect(modem.modem.state.messages).toEqual([]);
  });

  it('wait while the SIM is full, and arrive once a slot is freed', async () => {
    const modem = bench({ profile: ['generic', { sms: { capacity: 1 } }] });
    await modem.answer('AT+CNMI=2,1,0,0,0\r');
    expect(modem.modem.receiveSms('+687123456', 'premier')).toEqual([1]);
    expect(modem.modem.receiveSms('+687123456', 'second')).toEqual([]);
    await modem.settle();
    expect(await modem.answer('AT+CPMS?\r')).toContain('+CPMS: "SM",1,1,');
    expect(await modem.answer('AT+CMGD=1\r')).toBe(`AT+CMGD=1\r${OK}\r\n+CMTI: "SM",1\r\n`);
    expect((await readStored(modem, 1)).pdu.text).toBe('second');
  });
});
