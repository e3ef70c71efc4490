/**
 * Each quirk a modem profile can switch on, through the real channel over a scripted link:
 * the same modem behaviour read with the flag and without it gives a different outcome, so a
 * flag nobody reads fails here. (init, iccidCommands and ussd.encodings: start, iccid and
 * ussd tests; reply.cpinWithoutOk: start.test.ts, both ways.)
 */
import { describe, expect, it } from 'vitest';
import { AtTimeoutError, createAtChannel, type Urc } from '../../../../electron/gsm/channel';
import { genericProfile, type ModemProfile } from '../../../../electron/gsm/profiles';
import { createUssdSession, UssdBusyError } from '../../../../electron/gsm/ussd';
import { scriptedModem } from '../scripted-modem';
import { ok, openFake, reply } from './helpers';

/** A shop's profile for the fake modem (it says "Acme Wireless"), with some quirks set. */
function acme(quirks: Partial<Pick<ModemProfile, 'ussd' | 'reply' | 'urcs'>>): ModemProfile {
  return {
    ...genericProfile,
    id: 'acme',
    name: 'Acme AW',
    match: { manufacturer: /acme/i },
    ...quirks,
  };
}

const withAndWithout = [
  ['with the flag', true],
  ['without it', false],
] as const;

describe('reply.naIsError: a bare NA is a final "not allowed" (some Samsung; note 3)', () => {
  it.each(withAndWithout)('%s', async (_label, naIsError) => {
    const profile = acme({ reply: { cpinWithoutOk: false, naIsError } });
    const { modem, time } = await openFake(
      { 'AT+CNMI=2,1': '\r\nNA\r\n' },
      { profiles: [profile] },
    );
    const answer = time.drive(modem.channel.run('AT+CNMI=2,1'));
    if (naIsError) expect((await answer).final).toEqual({ kind: 'not-allowed' });
    else await expect(answer).rejects.toBeInstanceOf(AtTimeoutError);
  });
});

describe('urcs.add: a vendor code of the profile is taken out of the answer it interrupts', () => {
  it.each(withAndWithout)('%s', async (_label, added) => {
    const profile = acme({
      urcs: { add: added ? [{ name: '^ACMEBAT', lines: 1, solicited: 'named' }] : [], silence: [] },
    });
    const { modem } = await openFake(
      { 'AT+CSQ': `\r\n^ACMEBAT: 87\r\n${reply('+CSQ: 18,99')}` },
      { profiles: [profile] },
    );
    const heard: Urc[] = [];
    modem.channel.onUrc((urc) => heard.push(urc));
    const answer = await modem.channel.run('AT+CSQ');
    if (added) {
      expect(answer.lines).toEqual(['+CSQ: 18,99']);
      expect(heard).toEqual([{ type: 'urc', name: '^ACMEBAT', lines: ['^ACMEBAT: 87'] }]);
    } else {
      expect(answer.lines).toEqual(['^ACMEBAT: 87', '+CSQ: 18,99']);
      expect(heard).toEqual([]);
    }
  });
});

describe('urcs.silence: a code the profile silences reaches neither listeners nor transcript', () => {
  it.each(withAndWithout)('%s', async (_label, silenced) => {
    const profile = acme({ urcs: { add: [], silence: silenced ? ['^RSSI'] : [] } });
    const { modem, modemSide } = await openFake({}, { profiles: [profile] });
    const heard: string[] = [];
    modem.channel.onUrc((urc) => heard.push(urc.name));
    await modemSide.write(Buffer.from('\r\n^RSSI: 18\r\n\r\n+CMTI: "SM",3\r\n', 'latin1'));
    const answer = await modem.channel.run('AT+CSQ');
    expect(answer.lines).toEqual(['+CSQ: 18,99']);
    expect(heard).toEqual(silenced ? ['+CMTI'] : ['^RSSI', '+CMTI']);
  });

  it('the shipped Huawei profile silences its signal chatter, and only on a Huawei', async () => {
    for (const [manufacturer, expected] of [
      ['huawei', ['+CMTI']],
      ['Acme Wireless', ['^RSSI', '+CMTI']],
    ] as const) {
      const { modem, modemSide } = await openFake({
        'AT+CGMI': reply(manufacturer),
        'AT^CURC=0': ok,
      });
      const heard: string[] = [];
      modem.channel.onUrc((urc) => heard.push(urc.name));
      await modemSide.write(Buffer.from('\r\n^RSSI: 18\r\n\r\n+CMTI: "SM",3\r\n', 'latin1'));
      await modem.channel.run('AT+CSQ');
      expect(heard).toEqual(expected);
    }
  });
});

describe('ussd.avoidCusd2: a menu is left to the network to end (note 12)', () => {
  function menuModem(avoidCusd2: boolean) {
    const modem = scriptedModem((command) => {
      if (command.startsWith('AT+CSCS=')) return ok;
      if (command.startsWith('AT+CUSD=1,')) return `${ok}\r\n+CUSD: 1,"1 Recharge\n2 Solde",15\r\n`;
      if (command === 'AT+CUSD=2') return ok;
      return null;
    });
    const profile = acme({ ussd: { encodings: ['plain'], avoidCusd2 } });
    const ussd = createUssdSession(createAtChannel(modem.client), { profile });
    const cusd = () => modem.received.filter((line) => line.startsWith('AT+CUSD'));
    return { ussd, cusd, modemSide: modem.modem };
  }

  it('with the flag: no AT+CUSD=2, and no new request until the network released the menu', async () => {
    const { ussd, cusd, modemSide } = menuModem(true);
    expect((await ussd.start('*123#', 1000)).status).toBe('menu');
    await ussd.cancel();
    expect(cusd()).toEqual(['AT+CUSD=1,"*123#",15']);
    await expect(ussd.start('*123#', 1000)).rejects.toBeInstanceOf(UssdBusyError);
    await modemSide.write(Buffer.from('\r\n+CUSD: 2\r\n', 'latin1'));
    await new Promise((resolve) => setImmediate(resolve));
    expect((await ussd.start('*123#', 1000)).status).toBe('menu');
  });

  it('without it: AT+CUSD=2 ends the menu, and the next request goes out at once', async () => {
    const { ussd, cusd } = menuModem(false);
    expect((await ussd.start('*123#', 1000)).status).toBe('menu');
    await ussd.cancel();
    expect(cusd()).toEqual(['AT+CUSD=1,"*123#",15', 'AT+CUSD=2']);
    expect((await ussd.start('*123#', 1000)).status).toBe('menu');
  });
});

describe('match.usb: the USB id of the port is looked up only for a profile that matches on it', () => {
  it.each(withAndWithout)('%s', async (_label, onUsb) => {
    const asked: string[] = [];
    const usbId = async () => {
      asked.push('usb');
      return '1e0e:9001';
    };
    const profile: ModemProfile = {
      ...genericProfile,
      id: 'aw-usb',
      match: onUsb ? { usb: ['1e0e:9001'] } : { model: /^AW-/i },
    };
    const { modem } = await openFake({}, { profiles: [profile, genericProfile], usbId });
    expect(modem.profile.id).toBe('aw-usb');
    expect(modem.matchedBy).toBe(
      onUsb ? 'usb id 1e0e:9001 matched' : 'model /^AW-/i matched "AW-100"',
    );
    expect(asked).toEqual(onUsb ? ['usb'] : []);
  });
});
