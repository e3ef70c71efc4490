/**
 * Every profile and fault of the simulator on a real pseudo-terminal pair (socat), reached by
 * serialport: the path a USB modem takes. Raw AT exchanges, since the AT channel is separate.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  decodePdu,
  decodeUcs2Hex,
  encodeSubmit,
  encodeUcs2Hex,
  packUssd,
  unpackUssd,
} from '../../../../electron/gsm/codecs';
import { openSerialLink } from '../../../../electron/gsm/link/serial-link';
import {
  createManualClock,
  type PtySimulator,
  type SimulatedModemOptions,
} from '../../../../electron/gsm/simulator';
import { withTempDirs } from '../../../support/temp';
import { until } from '../../../support/until';
import { CUSD_LINE } from '../../../unit/gsm/simulator/harness';
import { type PtyBench, simulatorOnPty } from './on-pty';

const tempDir = withTempDirs('comptoir-simulator-');
const running: PtyBench[] = [];

const replugged: PtySimulator[] = [];

afterEach(async () => {
  for (const bench of running.splice(0)) await bench.stop();
  for (const simulator of replugged.splice(0)) await simulator.stop();
});

async function start(profile: string, options: Omit<SimulatedModemOptions, 'profile'> = {}) {
  const bench = await simulatorOnPty(tempDir(), { profile, ...options });
  running.push(bench);
  return bench;
}

const OK = '\r\nOK\r\n';
const BALANCE = 'Solde revendeur: 250 000 XPF';

describe('the simulator on a pseudo-terminal', () => {
  it('generic: identity, signal and a chained line, byte for byte', async () => {
    const modem = await start('generic');
    expect(await modem.exchange('AT\r')).toBe(`AT\r${OK}`);
    expect(await modem.exchange('AT+CGMI;+CGMM;+CGSN\r')).toBe(
      `AT+CGMI;+CGMM;+CGSN\r\r\nComptoir\r\n\r\nSIM-1 simulated modem\r\n\r\n356938035643809\r\n${OK}`,
    );
    expect(await modem.exchange('ATE0\r')).toBe(`ATE0\r${OK}`);
    expect(await modem.exchange('AT+CSQ\r')).toBe(`\r\n+CSQ: 21,99\r\n${OK}`);
    expect(await modem.exchange('AT+FOO\r')).toBe('\r\nERROR\r\n');
  });

  it('generic: the whole top-up dialogue, the answer after each OK', async () => {
    const modem = await start('generic');
    await modem.exchange('ATE0;+CSCS="UCS2"\r');
    const texts: string[] = [];
    for (const step of ['*123#', '1', '687123456', '2', '1234']) {
      const got = await modem.exchange(`AT+CUSD=1,"${encodeUcs2Hex(step)}",15\r`, CUSD_LINE);
      expect(got.startsWith(`${OK}\r\n+CUSD: `)).toBe(true);
      const str = /"([0-9A-F]*)"/.exec(got)?.[1] ?? '';
      texts.push(decodeUcs2Hex(str));
    }
    expect(texts.at(-1)).toBe(
      'Recharge 5Go OK pour 687123456. Réf TX48213. Nouveau solde 245 000 XPF',
    );
    expect(modem.simulator.modem.state.carrier.dealerBalance).toBe(245_000);
  });

  it('generic: the SMS balance query, answered in two UCS2 parts read back with AT+CMGR', async () => {
    const modem = await start('generic');
    await modem.exchange('ATE0;+CMEE=1;+CMGF=0;+CNMI=2,1,0,0,0\r');
    const [part] = encodeSubmit({ to: '4012', text: 'CXLL 687123456' });
    if (!part) throw new Error('no PDU');
    expect(await modem.exchange(`AT+CMGS=${part.length}\r`)).toBe('\r\n> ');
    expect(await modem.exchange(`${part.hex}\x1a`, /"SM",2\r\n/)).toBe(
      `\r\n+CMGS: 1\r\n${OK}\r\n+CMTI: "SM",1\r\n\r\n+CMTI: "SM",2\r\n`,
    );
    let text = '';
    for (const index of [1, 2]) {
      const got = await modem.exchange(`AT+CMGR=${index}\r`);
      const [, length, pdu] = /\+CMGR: 0,,(\d+)\r\n([0-9A-F]+)\r\n/.exec(got) ?? [];
      const decoded = decodePdu(pdu ?? '', { tpduLength: Number(length) });
      expect(decoded).toMatchObject({ type: 'SMS-DELIVER', sender: '4012', encoding: 'ucs2' });
      text += decoded.text;
    }
    expect(text).toContain('il vous reste 3,2 Go');
    expect(text).toContain('剩余流量 3.2GB');
  });

  it('huawei: packed USSD both ways, COMMAND NOT SUPPORT, vendor URCs until AT^CURC=0', async () => {
    const clock = createManualClock();
    const modem = await start('huawei', { clock });
    const got = await modem.exchange(`AT+CUSD=1,"${packUssd('*100#')}",15\r`, CUSD_LINE);
    const [, str, dcs] = /\+CUSD: 0,"([0-9A-F]+)",(\d+)/.exec(got) ?? [];
    expect(dcs).toBe('15');
    expect(unpackUssd(str ?? '')).toBe(BALANCE);
    expect(await modem.exchange('AT+CPROT=?\r')).toBe('AT+CPROT=?\r\r\nCOMMAND NOT SUPPORT\r\n');
    clock.advance(2000);
    expect(await modem.waitFor(/\^RSSI: 18\r\n/)).toBe('\r\n^RSSI: 18\r\n');
    expect(await modem.exchange('AT^CURC=0\r')).toBe(`AT^CURC=0\r${OK}`);
    clock.advance(20_000);
    expect(await modem.quietFor(100)).toBe('');
  });

  it('ucs2: with +CSCS="UCS2", the answer is UCS2 hex under DCS 72', async () => {
    const modem = await start('ucs2');
    await modem.exchange('AT+CSCS="UCS2"\r');
    const got = await modem.exchange(`AT+CUSD=1,"${encodeUcs2Hex('*100#')}",15\r`, CUSD_LINE);
    const [, str, dcs] = /\+CUSD: 0,"([0-9A-F]+)",(\d+)/.exec(got) ?? [];
    expect(dcs).toBe('72');
    expect(decodeUcs2Hex(str ?? '')).toBe(BALANCE);
  });

  it('slow: registers after searching, and answers USSD only after its latency', async () => {
    const modem = await start('slow(300)');
    expect(await modem.exchange('AT+CREG=1\r')).toBe(`AT+CREG=1\r${OK}`);
    expect(await modem.waitFor(/\+CREG: 1\r\n/, 3000)).toBe('\r\n+CREG: 1\r\n');
    const sent = Date.now();
    expect(await modem.exchange('AT+CUSD=1,"*100#",15\r')).toBe(`AT+CUSD=1,"*100#",15\r${OK}`);
    expect(await modem.waitFor(CUSD_LINE)).toBe(`\r\n+CUSD: 0,"${BALANCE}",15\r\n`);
    expect(Date.now() - sent).toBeGreaterThanOrEqual(250);
  });

  it('huawei+slow: both at once', async () => {
    const clock = createManualClock();
    const modem = await start('huawei+slow', { clock });
    clock.advance(1500);
    await modem.exchange(`AT+CUSD=1,"${packUssd('*100#')}",15\r`);
    expect(await modem.quietFor(50)).toBe('');
    clock.advance(3000);
    const [, str] = /"([0-9A-F]+)"/.exec(await modem.waitFor(CUSD_LINE)) ?? [];
    expect(unpackUssd(str ?? '')).toBe(BALANCE);
  });

  it('urc-flood: URCs between echo and answer, and between +CUSD and OK', async () => {
    const modem = await start('urc-flood');
    const flood = '\r\n^RSSI: 17\r\n\r\n+CREG: 1\r\n\r\n+CIEV: 2,3\r\n';
    expect(await modem.exchange('AT+CUSD=1,"*100#",15\r')).toBe(
      `AT+CUSD=1,"*100#",15\r${flood}\r\n+CUSD: 0,"${BALANCE}",15\r\n${flood}${OK}`,
    );
  });

  it('cusd-before-ok: the +CUSD line comes first', async () => {
    const modem = await start('cusd-before-ok');
    expect(await modem.exchange('AT+CUSD=1,"*100#",15\r')).toBe(
      `AT+CUSD=1,"*100#",15\r\r\n+CUSD: 0,"${BALANCE}",15\r\n${OK}`,
    );
  });

  it('cpin-without-ok: +CPIN: READY alone', async () => {
    const modem = await start('cpin-without-ok');
    expect(await modem.exchange('AT+CPIN?\r', /READY\r\n/)).toBe('AT+CPIN?\r\r\n+CPIN: READY\r\n');
    expect(await modem.quietFor(100)).toBe('');
  });

  it('sim-pin: locked until AT+CPIN="1234"', async () => {
    const modem = await start('sim-pin');
    await modem.exchange('AT+CMEE=1\r');
    expect(await modem.exchange('AT+CIMI\r')).toBe('AT+CIMI\r\r\n+CME ERROR: 11\r\n');
    expect(await modem.exchange('AT+CPIN="1234"\r')).toBe(`AT+CPIN="1234"\r${OK}`);
    expect(await modem.exchange('AT+CIMI\r')).toBe(`AT+CIMI\r\r\n546010123456789\r\n${OK}`);
  });

  it('sticky-echo: echo survives ATE0', async () => {
    const modem = await start('sticky-echo');
    await modem.exchange('ATE0\r');
    expect(await modem.exchange('AT\r')).toBe(`AT\r${OK}`);
  });

  it('sim-busy: +CME ERROR: 14 for the first SIM commands', async () => {
    const modem = await start('sim-busy(2)');
    await modem.exchange('AT+CMEE=1\r');
    expect(await modem.exchange('AT+CPIN?\r')).toBe('AT+CPIN?\r\r\n+CME ERROR: 14\r\n');
    expect(await modem.exchange('AT+CCID\r')).toBe('AT+CCID\r\r\n+CME ERROR: 14\r\n');
    expect(await modem.exchange('AT+CPIN?\r')).toBe(`AT+CPIN?\r\r\n+CPIN: READY\r\n${OK}`);
  });

  it('cme: the given command answers the given error', async () => {
    const modem = await start('cme(AT+COPS?,30)');
    await modem.exchange('AT+CMEE=1\r');
    expect(await modem.exchange('AT+COPS?\r')).toBe('AT+COPS?\r\r\n+CME ERROR: 30\r\n');
  });

  it('garbage: non-UTF-8 bytes before the first answer and between answers', async () => {
    const modem = await start('garbage');
    const noise = '\xff\xfe\x80\xc3(\x00\xf8';
    expect(await modem.exchange('AT\r', /OK\r\n.*\r\n$/s)).toBe(`${noise}AT\r${OK}${noise}\r\n`);
    expect(await modem.exchange('AT\r', /OK\r\n.*\r\n$/s)).toBe(`AT\r${OK}${noise}\r\n`);
  });

  it('no-answer: silent for good after the USSD request', async () => {
    const modem = await start('no-answer');
    expect(await modem.exchange('AT\r')).toBe(`AT\r${OK}`);
    await modem.client.write(Buffer.from('AT+CUSD=1,"*100#",15\r'));
    await modem.client.write(Buffer.from('AT\r'));
    expect(await modem.quietFor(300)).toBe('AT+CUSD=1,"*100#",15\r');
  });

  it('drop: the client sees its port unplugged right after the command', async () => {
    const modem = await start('drop(AT+CSQ)');
    await modem.client.write(Buffer.from('AT+CSQ\r'));
    expect(await modem.closed).toEqual({ kind: 'unplugged' });
    expect(modem.take()).toBe('AT+CSQ\r\r\n+CSQ: 21,99\r\n');
    expect(modem.simulator.modem.state.running).toBe('stopped');
  });

  it('replug: the port and its by-id link go, and the same SIM answers under another name', async () => {
    const dir = tempDir();
    const byId = path.join(dir, 'usb-Comptoir_SIM-1-if00-port0');
    const modem = await simulatorOnPty(dir, { profile: 'huawei', byIdLink: byId });
    running.push(modem);
    expect(fs.realpathSync(byId)).toBe(fs.realpathSync(modem.simulator.modemPath));

    const back = await modem.simulator.replug(path.join(dir, 'ttyUSB3'), 100);
    replugged.push(back);
    expect(await modem.closed).toEqual({ kind: 'unplugged' });
    expect(fs.existsSync(modem.simulator.modemPath)).toBe(false);
    expect(fs.realpathSync(byId)).toBe(fs.realpathSync(back.modemPath));
    expect(back.modem.profile.identity.iccid).toBe(modem.simulator.modem.profile.identity.iccid);

    const client = await openSerialLink({ path: byId });
    let heard = '';
    client.onData((chunk) => {
      heard += Buffer.from(chunk).toString('latin1');
    });
    await client.write(Buffer.from('AT^ICCID?\r'));
    await until(
      () => heard,
      (text) => text.endsWith(OK),
      'the ICCID',
    );
    await client.close();
    expect(heard).toContain('^ICCID: 98860701001032547688');
  });

  it('sim-swapped: another ICCID, the same stick', async () => {
    const modem = await start('sim-swapped');
    expect(await modem.exchange('AT+CCID;+CGSN\r')).toBe(
      `AT+CCID;+CGSN\r\r\n+CCID: 89687010000999999994\r\n\r\n356938035643809\r\n${OK}`,
    );
  });
});
