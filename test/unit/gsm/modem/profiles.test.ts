import { describe, expect, it } from 'vitest';
import {
  genericProfile,
  type ModemProfile,
  matchModemProfile,
  modemProfiles,
} from '../../../../electron/gsm/profiles';

// What each family prints to AT+CGMI / AT+CGMM, as seen in ModemManager's and Gammu's logs.
const seen: ReadonlyArray<[string, string, string]> = [
  ['huawei', 'huawei', 'E3372'],
  ['huawei', 'HUAWEI', 'E173'],
  ['zte', 'ZTE CORPORATION', 'MF190'],
  ['zte', 'ZTE INCORPORATED', 'MF626'],
  ['quectel', 'Quectel', 'EC25'],
  ['quectel', 'Quectel_Ltd', 'Quectel_EG91'],
  ['simcom', 'SIMCOM_Ltd', 'SIMCOM_SIM800C'],
  ['simcom', 'SIMCOM INCORPORATED', 'SIMCOM_SIM7600E-H'],
  ['sierra', 'Sierra Wireless, Incorporated', 'MC7710'],
  ['telit', 'Telit', 'LE910C1-EU'],
  ['wavecom', 'WAVECOM MODEM', 'MULTIBAND  900E  1800'],
  ['generic', 'Acme Wireless', 'AW-100'],
  ['generic', '', ''],
];

describe('modem profiles', () => {
  it.each(seen)('a modem saying %2$j / %3$j gets the %1$s profile', (id, manufacturer, model) => {
    expect(matchModemProfile(manufacturer, model).id).toBe(id);
  });

  it('every profile in the table is matched by a modem above', () => {
    const matched = new Set(seen.map(([id]) => id));
    expect([...modemProfiles, genericProfile].filter((p) => !matched.has(p.id))).toEqual([]);
  });

  it('profile ids are unique', () => {
    const ids = modemProfiles.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([...modemProfiles, genericProfile].map((p) => [p.id, p] as const))(
    'every command of the %s profile is one the AT channel will put on the line',
    (_id, profile: ModemProfile) => {
      for (const command of [...profile.init, ...profile.silenceUrcs, ...profile.iccidCommands]) {
        expect(command).toMatch(/^AT[\x20-\x7e]*$/);
      }
      expect(profile.iccidCommands.length).toBeGreaterThan(0);
    },
  );

  it.each(['sierra', 'wavecom'])('%s modems answer +CPIN? without OK', (id) => {
    expect(modemProfiles.find((p) => p.id === id)?.reply.cpinWithoutOk).toBe(true);
  });

  it('a table brought by the caller is searched instead of the built-in one', () => {
    const acme: ModemProfile = { ...genericProfile, id: 'acme', match: { model: /^AW-/ } };
    expect(matchModemProfile('huawei', 'AW-100', [acme]).id).toBe('acme');
    expect(matchModemProfile('huawei', 'E3372', [acme]).id).toBe('generic');
  });
});
