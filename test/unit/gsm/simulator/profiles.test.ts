/** Each profile option, as raw exchanges: what a client writes and what this modem does. */
import { describe, expect, it } from 'vitest';
import {
  decodeUcs2Hex,
  encodeUcs2Hex,
  packUssd,
  unpackUssd,
} from '../../../../electron/gsm/codecs';
import {
  GENERIC_PROFILE,
  listProfiles,
  NAMED_PROFILES,
  resolveProfile,
} from '../../../../electron/gsm/simulator';
import { bench, CUSD_LINE, cusdOf } from './harness';

const OK = '\r\nOK\r\n';
const BALANCE = 'Solde revendeur: 250 000 XPF';

describe('the huawei profile', () => {
  it('identifies as a Huawei E3372', async () => {
    const modem = bench({ profile: 'huawei' });
    expect(await modem.answer('AT+CGMI;+CGMM\r')).toBe(
      `AT+CGMI;+CGMM\r\r\nhuawei\r\n\r\nE3372\r\n${OK}`,
    );
  });

  it('prints the ICCID with swapped nibbles under ^ICCID, and knows no +CCID', async () => {
    const modem = bench({ profile: 'huawei' });
    expect(await modem.answer('AT^ICCID?\r')).toBe(
      `AT^ICCID?\r\r\n^ICCID: 98860701001032547688\r\n${OK}`,
    );
    expect(await modem.answer('AT+CCID\r')).toBe('AT+CCID\r\r\nCOMMAND NOT SUPPORT\r\n');
  });

  it('answers unknown commands COMMAND NOT SUPPORT, whatever AT+CMEE says', async () => {
    const modem = bench({ profile: 'huawei' });
    await modem.answer('AT+CMEE=1\r');
    expect(await modem.answer('AT+MODE=2\r')).toBe('AT+MODE=2\r\r\nCOMMAND NOT SUPPORT\r\n');
  });

  it('trickles ^RSSI, ^MODE, ^DSFLOWRPT... until AT^CURC=0', async () => {
    const modem = bench({ profile: 'huawei' });
    modem.clock.advance(2000);
    await modem.settle();
    expect(modem.take()).toBe('\r\n^RSSI: 18\r\n');
    modem.clock.advance(4000);
    await modem.settle();
    const chatter = modem.take();
    expect(chatter).toContain('^MODE: 5,4');
    expect(chatter).toContain('^DSFLOWRPT: ');
    expect(await modem.answer('AT^CURC=0\r')).toBe(`AT^CURC=0\r${OK}`);
    modem.clock.advance(20_000);
    await modem.settle();
    expect(modem.take()).toBe('');
    expect(await modem.answer('AT^CURC?\r')).toBe(`AT^CURC?\r\r\n^CURC: 0\r\n${OK}`);
  });

  it('accepts ^PORTSEL, which gammu sends to every Huawei', async () => {
    const modem = bench({ profile: 'huawei' });
    expect(await modem.answer('AT^PORTSEL=1\r')).toBe(`AT^PORTSEL=1\r${OK}`);
  });

  it('reads USSD requests as packed GSM 7-bit hex and answers the same way, DCS 15', async () => {
    const modem = bench({ profile: 'huawei' });
    const request = packUssd('*100#');
    expect(request).toBe('AA180C3602');
    const answer = await modem.answer(`AT+CUSD=1,"${request}",15\r`, { until: CUSD_LINE });
    const cusd = cusdOf(answer);
    expect(cusd).toMatchObject({ m: 0, dcs: 15 });
    expect(cusd.str).toMatch(/^[0-9A-F]+$/);
    expect(unpackUssd(cusd.str)).toBe(BALANCE);
  });

  it('refuses a USSD request in plain text', async () => {
    const modem = bench({ profile: 'huawei' });
    await modem.answer('AT+CMEE=1\r');
    expect(await modem.answer('AT+CUSD=1,"*100#",15\r')).toBe(
      'AT+CUSD=1,"*100#",15\r\r\n+CME ERROR: 50\r\n',
    );
  });

  it('prints LAC and cell id without quotes, like the E160G', async () => {
    const modem = bench({ profile: 'huawei' });
    await modem.answer('AT+CREG=2\r');
    expect(await modem.answer('AT+CREG?\r')).toBe(`AT+CREG?\r\r\n+CREG: 2,1,8BE3,2BAF\r\n${OK}`);
  });

  it('numbers SIM slots from 0', async () => {
    const modem = bench({ profile: 'huawei' });
    expect(modem.modem.receiveSms('+687123456', 'Bonjour')).toEqual([0]);
  });
});

describe('USSD answers follow the charset', () => {
  const ucs2Request = encodeUcs2Hex('*100#');

  it('ucs2: with +CSCS="UCS2", UCS2 hex labelled DCS 72', async () => {
    const modem = bench({ profile: 'ucs2' });
    await modem.answer('AT+CSCS="UCS2"\r');
    const answer = await modem.answer(`AT+CUSD=1,"${ucs2Request}",15\r`, { until: CUSD_LINE });
    const cusd = cusdOf(answer);
    expect(cusd.dcs).toBe(72);
    expect(decodeUcs2Hex(cusd.str)).toBe(BALANCE);
  });

  it('ucs2: in the GSM charset, plain text as usual', async () => {
    const modem = bench({ profile: 'ucs2' });
    const answer = await modem.answer('AT+CUSD=1,"*100#",15\r', { until: CUSD_LINE });
    expect(cusdOf(answer)).toEqual({ m: 0, str: BALANCE, dcs: 15 });
  });

  it('generic: with +CSCS="UCS2", UCS2 hex under the network DCS 15 (27.007)', async () => {
    const modem = bench();
    await modem.answer('AT+CSCS="UCS2"\r');
    const answer = await modem.answer(`AT+CUSD=1,"${ucs2Request}",15\r`, { until: CUSD_LINE });
    const cusd = cusdOf(answer);
    expect(cusd.dcs).toBe(15);
    expect(decodeUcs2Hex(cusd.str)).toBe(BALANCE);
  });

  it('generic: in the GSM charset, accents are GSM code points ("é" is 0x05)', async () => {
    const modem = bench();
    await modem.answer('AT+CUSD=1,"*123#",15\r', { until: CUSD_LINE });
    const answer = await modem.answer('AT+CUSD=1,"1",15\r', { until: CUSD_LINE });
    expect(cusdOf(answer)).toEqual({ m: 1, str: 'Num\x05ro client ?', dcs: 15 });
  });

  it('generic: in IRA, what ASCII lacks becomes "?"', async () => {
    const modem = bench();
    await modem.answer('AT+CSCS="IRA"\r');
    await modem.answer('AT+CUSD=1,"*123#",15\r', { until: CUSD_LINE });
    const answer = await modem.answer('AT+CUSD=1,"1",15\r', { until: CUSD_LINE });
    expect(cusdOf(answer).str).toBe('Num?ro client ?');
  });
});

describe('the slow profile', () => {
  it('answers USSD after the network latency, not before', async () => {
    const modem = bench({ profile: 'slow' });
    modem.clock.advance(1500); // registered
    expect(await modem.answer('AT+CUSD=1,"*100#",15\r')).toBe(`AT+CUSD=1,"*100#",15\r${OK}`);
    modem.clock.advance(2999);
    await modem.settle();
    expect(modem.take()).toBe('');
    modem.clock.advance(1);
    await modem.settle();
    expect(modem.take()).toBe(`\r\n+CUSD: 0,"${BALANCE}",15\r\n`);
  });

  it('takes its latency as a parameter, and searches for the network at power-on', async () => {
    const modem = bench({ profile: 'slow(500)' });
    expect(modem.modem.state.radio.registration).toBe(2);
    modem.clock.advance(1500);
    expect(modem.modem.state.radio.registration).toBe(1);
    await modem.answer('AT+CUSD=1,"*100#",15\r');
    modem.clock.advance(500);
    expect(cusdOf(await modem.waitFor(CUSD_LINE)).str).toBe(BALANCE);
  });

  it('combines with huawei', async () => {
    const modem = bench({ profile: 'huawei+slow' });
    modem.clock.advance(1500);
    await modem.answer(`AT+CUSD=1,"${packUssd('*100#')}",15\r`);
    modem.clock.advance(3000);
    expect(unpackUssd(cusdOf(await modem.waitFor(CUSD_LINE)).str)).toBe(BALANCE);
  });
});

describe('the dealer-float profile: the float running out', () => {
  const topUp = '*123*687123456*2*1234#';

  it('starts the dealer SIM with the float given, takes each top-up from it, then refuses', async () => {
    const modem = bench({ profile: 'dealer-float(11000)' });
    const ask = async (command: string) =>
      cusdOf(await modem.answer(`AT+CUSD=1,"${command}",15\r`, { until: CUSD_LINE })).str;
    expect(await ask('*100#')).toBe('Solde revendeur: 11 000 XPF');
    for (const left of ['6 000', '1 000']) {
      expect(await ask(topUp)).toMatch(new RegExp(`Nouveau solde ${left} XPF$`));
    }
    // The refusal carries Chinese: the network sends it as UCS2.
    expect(decodeUcs2Hex(await ask(topUp))).toMatch(
      /^Solde revendeur insuffisant \(1 000 XPF\) pour 5Go/,
    );
    expect(modem.modem.state.carrier.dealerBalance).toBe(1000);
  });

  it('without a parameter, a float for one top-up of 5Go', () => {
    expect(resolveProfile('dealer-float').faults.dealerFloat).toBe(6000);
    expect(resolveProfile('generic').faults.dealerFloat).toBeNull();
  });
});

describe('where +CUSD falls around the OK', () => {
  it('generic: after the OK', async () => {
    const modem = bench();
    expect(await modem.answer('AT+CUSD=1,"*100#",15\r', { until: CUSD_LINE })).toBe(
      `AT+CUSD=1,"*100#",15\r${OK}\r\n+CUSD: 0,"${BALANCE}",15\r\n`,
    );
  });

  it('cusd-before-ok: before the OK', async () => {
    const modem = bench({ profile: 'cusd-before-ok' });
    expect(await modem.answer('AT+CUSD=1,"*100#",15\r')).toBe(
      `AT+CUSD=1,"*100#",15\r\r\n+CUSD: 0,"${BALANCE}",15\r\n${OK}`,
    );
  });

  it('cusd-before-ok with a slow network: the OK waits for the answer', async () => {
    const modem = bench({ profile: 'cusd-before-ok+slow' });
    modem.clock.advance(1500);
    await modem.send('AT+CUSD=1,"*100#",15\r');
    await modem.settle();
    expect(modem.take()).toBe('AT+CUSD=1,"*100#",15\r');
    modem.clock.advance(3000);
    await modem.settle();
    expect(modem.take()).toBe(`\r\n+CUSD: 0,"${BALANCE}",15\r\n${OK}`);
  });
});

describe('the urc-flood profile', () => {
  const flood = '\r\n^RSSI: 17\r\n\r\n+CREG: 1\r\n\r\n+CIEV: 2,3\r\n';

  it('puts URCs between each echo and its answer', async () => {
    const modem = bench({ profile: 'urc-flood' });
    expect(await modem.answer('AT+CSQ\r')).toBe(`AT+CSQ\r${flood}\r\n+CSQ: 21,99\r\n${OK}`);
  });

  it('and between +CUSD and OK', async () => {
    const modem = bench({ profile: 'urc-flood' });
    expect(await modem.answer('AT+CUSD=1,"*100#",15\r')).toBe(
      `AT+CUSD=1,"*100#",15\r${flood}\r\n+CUSD: 0,"${BALANCE}",15\r\n${flood}${OK}`,
    );
  });
});

describe('SIM quirks', () => {
  it('cpin-without-ok: +CPIN: READY and no OK, then answers as usual', async () => {
    const modem = bench({ profile: 'cpin-without-ok' });
    expect(await modem.answer('AT+CPIN?\r', { until: /READY\r\n/ })).toBe(
      'AT+CPIN?\r\r\n+CPIN: READY\r\n',
    );
    expect(await modem.answer('AT\r')).toBe(`AT\r${OK}`);
  });

  it('sim-pin: refuses SIM work until the PIN, registers after it', async () => {
    const modem = bench({ profile: 'sim-pin' });
    await modem.answer('AT+CMEE=1\r');
    expect(await modem.answer('AT+CPIN?\r')).toBe(`AT+CPIN?\r\r\n+CPIN: SIM PIN\r\n${OK}`);
    expect(await modem.answer('AT+CIMI\r')).toBe('AT+CIMI\r\r\n+CME ERROR: 11\r\n');
    expect(await modem.answer('AT+CMGL=4\r')).toBe('AT+CMGL=4\r\r\n+CMS ERROR: 311\r\n');
    expect(await modem.answer('AT+CUSD=1,"*100#",15\r')).toBe(
      'AT+CUSD=1,"*100#",15\r\r\n+CME ERROR: 11\r\n',
    );
    expect(await modem.answer('AT+CREG?\r')).toBe(`AT+CREG?\r\r\n+CREG: 0,0\r\n${OK}`);
    expect(await modem.answer('AT+CPIN="0000"\r')).toBe('AT+CPIN="0000"\r\r\n+CME ERROR: 16\r\n');
    expect(await modem.answer('AT+CPIN="1234"\r')).toBe(`AT+CPIN="1234"\r${OK}`);
    expect(await modem.answer('AT+CPIN?\r')).toBe(`AT+CPIN?\r\r\n+CPIN: READY\r\n${OK}`);
    expect(await modem.answer('AT+CREG?\r')).toBe(`AT+CREG?\r\r\n+CREG: 0,1\r\n${OK}`);
  });

  it('sim-pin: three wrong PINs ask for the PUK, which sets a new PIN', async () => {
    const modem = bench({ profile: 'sim-pin(4321)' });
    await modem.answer('AT+CMEE=1\r');
    for (const pin of ['1111', '2222', '3333']) await modem.answer(`AT+CPIN="${pin}"\r`);
    expect(await modem.answer('AT+CPIN?\r')).toBe(`AT+CPIN?\r\r\n+CPIN: SIM PUK\r\n${OK}`);
    expect(await modem.answer('AT+CIMI\r')).toBe('AT+CIMI\r\r\n+CME ERROR: 12\r\n');
    expect(await modem.answer('AT+CPIN="12345678","5678"\r')).toBe(
      `AT+CPIN="12345678","5678"\r${OK}`,
    );
    expect(modem.modem.state.sim.lock).toBe('ready');
  });

  it('sim-busy: the first commands touching the SIM answer +CME ERROR: 14, others work', async () => {
    const modem = bench({ profile: 'sim-busy' });
    await modem.answer('AT+CMEE=1\r');
    expect(await modem.answer('AT+CSQ\r')).toBe(`AT+CSQ\r\r\n+CSQ: 21,99\r\n${OK}`);
    for (let i = 0; i < 3; i++) {
      expect(await modem.answer('AT+CPIN?\r')).toBe('AT+CPIN?\r\r\n+CME ERROR: 14\r\n');
    }
    expect(await modem.answer('AT+CPIN?\r')).toBe(`AT+CPIN?\r\r\n+CPIN: READY\r\n${OK}`);
  });

  it('sim-busy(2,515): busy again after the radio is powered back on', async () => {
    const modem = bench({ profile: 'sim-busy(2,515)' });
    await modem.answer('AT+CMEE=1\r');
    for (let i = 0; i < 2; i++) {
      expect(await modem.answer('AT+CIMI\r')).toBe('AT+CIMI\r\r\n+CME ERROR: 515\r\n');
    }
    expect(await modem.answer('AT+CIMI\r')).toBe(`AT+CIMI\r\r\n546010123456789\r\n${OK}`);
    await modem.answer('AT+CFUN=0\r');
    await modem.answer('AT+CFUN=1\r');
    expect(await modem.answer('AT+CIMI\r')).toBe('AT+CIMI\r\r\n+CME ERROR: 515\r\n');
  });
});

describe('faults', () => {
  it('sticky-echo: keeps echoing after ATE0', async () => {
    const modem = bench({ profile: 'sticky-echo' });
    await modem.answer('ATE0\r');
    expect(await modem.answer('AT\r')).toBe(`AT\r${OK}`);
  });

  it('no-answer: echoes the USSD request, then says nothing ever again', async () => {
    const modem = bench({ profile: 'no-answer' });
    expect(await modem.answer('AT\r')).toBe(`AT\r${OK}`);
    await modem.send('AT+CUSD=1,"*100#",15\r');
    await modem.send('AT\r');
    modem.clock.advance(60_000);
    await modem.settle();
    expect(modem.take()).toBe('AT+CUSD=1,"*100#",15\r');
    expect(modem.modem.state.running).toBe('silent');
    expect(modem.modem.state.carrier.dealerBalance).toBe(250_000);
  });

  it('sim-swapped: the stick holds another dealer SIM, under any profile', async () => {
    expect(await bench({ profile: 'sim-swapped' }).answer('AT+CCID\r')).toBe(
      `AT+CCID\r\r\n+CCID: 89687010000999999994\r\n${OK}`,
    );
    const huawei = bench({ profile: 'huawei+sim-swapped(89687010000555555558)' });
    expect(await huawei.answer('AT^ICCID?\r')).toBe(
      `AT^ICCID?\r\r\n^ICCID: 98860701005055555585\r\n${OK}`,
    );
    expect(() => resolveProfile('sim-swapped(1234)')).toThrow(/ICCID/);
  });

  it('no-answer(AT+CSQ) goes silent on the command given', async () => {
    const modem = bench({ profile: 'no-answer(AT+CSQ)' });
    expect(await modem.answer('AT+CGMI\r')).toContain('OK');
    await modem.send('AT+CSQ\r');
    await modem.settle();
    expect(modem.take()).toBe('AT+CSQ\r');
  });

  it('drop: runs the top-up, then the line goes before the OK, like an unplug', async () => {
    const modem = bench({ profile: 'drop(AT+CUSD=1,"1234")' });
    const closed = new Promise((resolve) => modem.client.onClose(resolve));
    for (const step of ['*123#', '1', '687123456', '2']) {
      await modem.answer(`AT+CUSD=1,"${step}",15\r`, { until: CUSD_LINE });
    }
    await modem.send('AT+CUSD=1,"1234",15\r');
    expect(await closed).toEqual({ kind: 'unplugged' });
    expect(modem.take()).toBe('AT+CUSD=1,"1234",15\r');
    expect(modem.modem.state.running).toBe('stopped');
    expect(modem.modem.state.carrier.dealerBalance).toBe(245_000);
  });

  it('hang: says nothing, echo included, until AT+CFUN=1,1 restarts it with power-on settings', async () => {
    const modem = bench({ profile: 'hang(AT+CSQ)' });
    await modem.answer('ATE0\r');
    await modem.send('AT+CSQ\r');
    await modem.send('AT\r');
    await modem.send('AT+CFUN=1,0\r');
    modem.clock.advance(60_000);
    await modem.settle();
    expect(modem.take()).toBe('');
    expect(modem.modem.state.running).toBe('hung');
    await modem.send('AT+CFUN=1,1\r');
    await modem.settle();
    expect(modem.modem.state.running).toBe('answering');
    // Echo is back on: the restart forgot ATE0. The fault struck once for this power-on.
    expect(await modem.answer('AT+CSQ\r')).toBe(`AT+CSQ\r\r\n+CSQ: 21,99\r\n${OK}`);
  });

  it('huawei: AT^RESET is its reset, and a reset when answering says OK first', async () => {
    const modem = bench({ profile: 'huawei' });
    await modem.answer('ATE0\r');
    expect(await modem.answer('AT^RESET\r')).toBe(OK);
    expect(await modem.answer('AT\r')).toBe(`AT\r${OK}`);
  });

  it('hang-hard: a reset does not bring it back', async () => {
    const modem = bench({ profile: 'hang-hard(AT+CSQ)' });
    await modem.send('AT+CSQ\r');
    await modem.send('AT+CFUN=1,1\r');
    await modem.send('AT\r');
    modem.clock.advance(60_000);
    await modem.settle();
    expect(modem.take()).toBe('AT+CSQ\r');
    expect(modem.modem.state.running).toBe('hung');
  });

  it('hang() strikes at any moment: the test chooses when', async () => {
    const modem = bench();
    modem.modem.hang('reset');
    await modem.send('AT\r');
    await modem.settle();
    expect(modem.take()).toBe('');
  });

  it('reenumerate: a reset drops the port after its OK, as a USB modem re-enumerating', async () => {
    let reenumerated = false;
    const modem = bench({
      profile: 'reenumerate',
      onReenumerate: () => {
        reenumerated = true;
      },
    });
    const closed = new Promise((resolve) => modem.client.onClose(resolve));
    await modem.send('AT+CFUN=1,1\r');
    expect(await closed).toEqual({ kind: 'unplugged' });
    expect(modem.take()).toBe(`AT+CFUN=1,1\r${OK}`);
    expect(reenumerated).toBe(true);
  });

  it('garbage: non-UTF-8 bytes at plug-in and as lines between answers', async () => {
    const modem = bench({ profile: 'garbage' });
    const noise = '\xff\xfe\x80\xc3(\x00\xf8';
    expect(await modem.answer('AT\r')).toBe(`${noise}AT\r${OK}${noise}\r\n`);
    expect(await modem.answer('AT\r')).toBe(`AT\r${OK}${noise}\r\n`);
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    expect(() => utf8.decode(Buffer.from(noise, 'latin1'))).toThrow();
  });

  it('cme: the USSD request answers +CME ERROR: 30', async () => {
    const modem = bench({ profile: 'cme' });
    await modem.answer('AT+CMEE=1\r');
    expect(await modem.answer('AT+CUSD=1,"*100#",15\r')).toBe(
      'AT+CUSD=1,"*100#",15\r\r\n+CME ERROR: 30\r\n',
    );
  });

  it('cme(AT+CSQ,100): the command given answers the code given, ERROR with CMEE=0', async () => {
    const modem = bench({ profile: 'cme(AT+CSQ,100)' });
    expect(await modem.answer('AT+CSQ\r')).toBe('AT+CSQ\r\r\nERROR\r\n');
    await modem.answer('AT+CMEE=2\r');
    expect(await modem.answer('AT+CSQ\r')).toBe('AT+CSQ\r\r\n+CME ERROR: unknown\r\n');
  });
});

describe('profiles as data', () => {
  it('each named profile has a one-line description for the CLI', () => {
    const listed = listProfiles();
    expect(listed.map((profile) => profile.name)).toEqual([
      'generic',
      'huawei',
      'ucs2',
      'slow',
      'urc-flood',
      'cusd-before-ok',
      'cpin-without-ok',
      'sim-pin',
      'sticky-echo',
      'no-answer',
      'hang',
      'hang-hard',
      'reenumerate',
      'drop',
      'garbage',
      'sim-busy',
      'cut-sms',
      'dealer-float',
      'cme',
      'late-top-up',
      'sim-swapped',
    ]);
    for (const { description } of listed) expect(description).toMatch(/^[^\n]{10,130}$/);
  });

  it('every named profile resolves', () => {
    for (const { name } of NAMED_PROFILES) expect(resolveProfile(name).name).toBe(name);
  });

  it('combine left to right, parameters in parentheses, partial records too', () => {
    const profile = resolveProfile('huawei+slow(250)+cme(AT+COPS?,30)');
    expect(profile.identity.model).toBe('E3372');
    expect(profile.identity.imei).toBe(GENERIC_PROFILE.identity.imei);
    expect(profile.networkLatencyMs).toBe(250);
    expect(profile.faults.cme).toEqual([{ command: 'AT+COPS?', code: 30 }]);
    expect(profile.name).toBe('huawei+slow(250)+cme(AT+COPS?,30)');
    const custom = resolveProfile(['ucs2', { networkLatencyMs: 10, sim: { pin: '0000' } }]);
    // As a bank's simulated port gives it: a combined spec, then the demo's latency.
    const listed = resolveProfile(['huawei+dealer-float(900)', { networkLatencyMs: 5 }]);
    expect(listed).toMatchObject({ identity: { model: 'E3372' }, networkLatencyMs: 5 });
    expect(listed.faults.dealerFloat).toBe(900);
    expect(custom).toMatchObject({ networkLatencyMs: 10, sim: { pin: '0000', puk: '12345678' } });
  });

  it('late-top-up takes a delay in seconds, or never, and is off in every other profile', () => {
    expect(resolveProfile('late-top-up').faults.lateTopUp).toEqual({ afterMs: 90_000 });
    expect(resolveProfile('huawei+late-top-up(45)').faults.lateTopUp).toEqual({ afterMs: 45_000 });
    expect(resolveProfile('late-top-up(never)').faults.lateTopUp).toEqual({ afterMs: null });
    expect(() => resolveProfile('late-top-up(soon)')).toThrow(/whole number/);
    for (const { name } of NAMED_PROFILES.filter((named) => named.name !== 'late-top-up')) {
      expect(resolveProfile(name).faults.lateTopUp).toBeNull();
    }
  });

  it('say which names exist when given an unknown one', () => {
    expect(() => resolveProfile('nokia')).toThrow(/Unknown modem profile "nokia".*huawei/);
    expect(() => resolveProfile('huawei(1)')).toThrow(/takes no parameter/);
    expect(() => resolveProfile('sim-busy(x)')).toThrow(/whole number/);
  });
});
