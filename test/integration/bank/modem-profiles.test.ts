/**
 * A modem profile a shop drops into its `modems/` folder is used by the bank without a new
 * release: the simulated modem (it says "Comptoir" / "SIM-1 simulated modem") gets the shop's
 * profile, and its USSD goes out the way that profile says. A broken file beside it is
 * reported and skipped.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openModemLink } from '../../../electron/bank/links';
import { type BankModem, createModemBank, type ModemBank } from '../../../electron/bank/modem-bank';
import { isHilinkModem } from '../../../electron/gsm/hilink/modem';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs('comptoir-shop-');

/** The lent modem is a serial one here: profiles are for AT modems. */
function serial(modem: BankModem) {
  if (isHilinkModem(modem)) throw new Error('a serial modem was expected');
  return modem;
}
const banks: ModemBank[] = [];
afterEach(async () => {
  for (const bank of banks.splice(0)) await bank.close();
});

function shopBank(profileDirs: string[]) {
  const warnings: string[] = [];
  const bank = createModemBank({
    modems: [
      { id: 'modem-1', carrierId: 'nc-demo', port: { kind: 'simulated', profile: 'generic' } },
    ],
    openLink: (port) => openModemLink(port),
    profileDirs,
    log: { warn: (message) => warnings.push(message) },
  });
  banks.push(bank);
  return { bank, warnings };
}

describe("the bank and the shop's modem profiles", () => {
  it("uses a profile from the shop's modems/ folder, and reports a broken file", async () => {
    const shop = path.join(tempDir(), 'modems');
    mkdirSync(shop);
    writeFileSync(
      path.join(shop, 'sim-1.json'),
      JSON.stringify({
        id: 'comptoir-sim-1',
        name: 'The SIM-1 of this shop',
        match: { manufacturer: '^comptoir$', model: '^SIM-1' },
        ussd: { encodings: ['ucs2-hex'] },
      }),
    );
    writeFileSync(
      path.join(shop, 'typo.json'),
      JSON.stringify({ id: 'typo', name: 'x', match: { modle: 'x' } }),
    );
    const { bank, warnings } = shopBank([SHIPPED_MODEMS, shop]);
    await bank.start();
    expect(warnings).toEqual([expect.stringMatching(/typo\.json: match: .*modle/)]);
    const lease = await bank.acquire('nc-demo');
    if (!lease) throw new Error('no modem was lent');
    try {
      expect(serial(lease.modem).profile).toMatchObject({
        id: 'comptoir-sim-1',
        file: path.join(shop, 'sim-1.json'),
      });
      expect(serial(lease.modem).matchedBy).toBe(
        'manufacturer /^comptoir$/i matched "Comptoir" and model /^SIM-1/i matched "SIM-1 simulated modem"',
      );
      const step = await lease.ussd.start('*100#', 5_000);
      expect(step.status).toBe('done');
      // *100# as UCS2 hex, in the UCS2 charset: what the shop's profile asked for.
      expect(lease.transcript()).toContain('AT+CSCS="UCS2"');
      expect(lease.transcript()).toContain('AT+CUSD=1,"002A0031003000300023",15');
    } finally {
      lease.release();
    }
  });

  it('matches a profile on the USB id of a serial port', async () => {
    const shop = path.join(tempDir(), 'modems');
    mkdirSync(shop);
    writeFileSync(
      path.join(shop, 'e3531.json'),
      JSON.stringify({ id: 'e3531', name: 'Huawei E3531', match: { usb: ['12d1:1506'] } }),
    );
    const asked: string[] = [];
    const bank = createModemBank({
      modems: [
        { id: 'modem-1', carrierId: 'nc-demo', port: { kind: 'serial', path: '/dev/ttyUSB2' } },
      ],
      // The stick itself is simulated; only its port's USB id is that of a real E3531.
      openLink: () => openModemLink({ kind: 'simulated', profile: 'huawei' }),
      usbIdOf: async (portPath) => {
        asked.push(portPath);
        return '12d1:1506';
      },
      profileDirs: [SHIPPED_MODEMS, shop],
    });
    banks.push(bank);
    await bank.start();
    const lease = await bank.acquire('nc-demo');
    if (!lease) throw new Error('no modem was lent');
    lease.release();
    expect(asked).toEqual(['/dev/ttyUSB2']);
    expect(serial(lease.modem).profile.id).toBe('e3531');
    expect(serial(lease.modem).matchedBy).toBe('usb id 12d1:1506 matched');
  });

  it('without the folder the same modem is on the generic profile and dials in plain text', async () => {
    const { bank, warnings } = shopBank([SHIPPED_MODEMS]);
    await bank.start();
    const lease = await bank.acquire('nc-demo');
    if (!lease) throw new Error('no modem was lent');
    try {
      expect(serial(lease.modem).profile.id).toBe('generic');
      await lease.ussd.start('*100#', 5_000);
      expect(lease.transcript()).toContain('AT+CUSD=1,"*100#",15');
      expect(warnings).toEqual([]);
    } finally {
      lease.release();
    }
  });
});
