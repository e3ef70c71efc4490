/**
 * Modem profiles as data: the shipped JSON files load and match the modems they were written
 * for; a bad file is refused with each field at fault named; the shop's folder adds profiles
 * and replaces shipped ones by id, and its profiles are tried first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  genericProfile,
  loadModemProfiles,
  matchModemProfile,
  modemProfileSchema,
} from '../../../../electron/gsm/profiles';
import { parseProfileText } from '../../../../electron/profile-files';
import { SHIPPED_MODEMS, shippedModemProfiles } from '../../../support/modem-profiles';
import { withTempDirs } from '../../../support/temp';

const tempDir = withTempDirs('comptoir-modems-');
const shipped = await shippedModemProfiles();

function write(dir: string, name: string, content: unknown) {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

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

describe('the shipped modem profiles', () => {
  it.each(seen)('a modem saying %2$j / %3$j gets the %1$s profile', (id, manufacturer, model) => {
    expect(matchModemProfile({ manufacturer, model }, shipped).profile.id).toBe(id);
  });

  it('each is a file of resources/modems, matched by a modem above, generic last', () => {
    const matched = new Set(seen.map(([id]) => id));
    expect(shipped.filter((profile) => !matched.has(profile.id))).toEqual([]);
    expect(shipped.map((profile) => path.dirname(profile.file ?? ''))).toEqual(
      shipped.map(() => SHIPPED_MODEMS),
    );
    expect(shipped.at(-1)?.id).toBe('generic');
  });

  it('says why a profile matched, and why none did', () => {
    expect(matchModemProfile({ manufacturer: 'HUAWEI', model: 'E173' }, shipped).matchedBy).toBe(
      'manufacturer /huawei/i matched "HUAWEI"',
    );
    expect(matchModemProfile({ manufacturer: 'Acme', model: 'AW-100' }, shipped).matchedBy).toBe(
      'no profile matched manufacturer "Acme" and model "AW-100"',
    );
  });

  it('a profile may match on the USB id of the port, with or without the modem’s answers', () => {
    const parsed = parseProfileText(
      modemProfileSchema,
      JSON.stringify({ id: 'e3531', name: 'E3531', match: { usb: ['12D1:1506', '12d1:1c05'] } }),
    );
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const table = [{ ...parsed.profile, file: 'e3531.json' }, ...shipped];
    const huawei = { manufacturer: 'huawei', model: 'E3531' };
    expect(matchModemProfile({ ...huawei, usb: '12d1:1506' }, table)).toMatchObject({
      profile: { id: 'e3531' },
      matchedBy: 'usb id 12d1:1506 matched',
    });
    expect(matchModemProfile({ ...huawei, usb: '12d1:14dc' }, table).profile.id).toBe('huawei');
    expect(matchModemProfile({ ...huawei, usb: null }, table).profile.id).toBe('huawei');
  });

  it.each(['sierra', 'wavecom'])('%s modems answer +CPIN? without OK', (id) => {
    expect(shipped.find((profile) => profile.id === id)?.reply.cpinWithoutOk).toBe(true);
  });

  it('the built-in fallback is the shipped generic.json', () => {
    const fromFile = shipped.find((profile) => profile.id === 'generic');
    expect({ ...genericProfile, file: fromFile?.file }).toEqual(fromFile);
    expect(matchModemProfile({ manufacturer: 'huawei', model: 'E3372' }).profile).toBe(
      genericProfile,
    );
  });
});

const minimal = { id: 'acme', name: 'Acme AW', match: { model: '^AW-' } };

describe('a profile file is refused with each field at fault named', () => {
  it.each<[string, unknown, string, RegExp]>([
    [
      'a match that is not a regular expression',
      { ...minimal, match: { model: 'AW-(' } },
      'match.model',
      /not a regular expression/,
    ],
    [
      'no match rule outside the generic profile',
      { ...minimal, match: {} },
      'match',
      /manufacturer, model or usb/,
    ],
    [
      'a generic profile that matches on something',
      { ...minimal, id: 'generic' },
      'match',
      /fallback/,
    ],
    [
      'an init line that is not an AT command',
      { ...minimal, init: ['ATZ', 'reboot'] },
      'init.1',
      /AT command/,
    ],
    [
      'a control character in a command',
      { ...minimal, iccidCommands: ['AT+CCID\r'] },
      'iccidCommands.0',
      /AT command/,
    ],
    [
      'a reset that would call, send or switch the radio off',
      { ...minimal, reset: { command: 'AT+CUSD=1,"*100#"' } },
      'reset.command',
      /not a start-up setting/,
    ],
    [
      'a reset the modem could never come back from in time',
      { ...minimal, reset: { command: 'AT+CFUN=1,1', comeBackMs: 3_600_000 } },
      'reset.comeBackMs',
      /.+/,
    ],
    ['no ICCID command at all', { ...minimal, iccidCommands: [] }, 'iccidCommands', /.+/],
    [
      'an unknown USSD encoding',
      { ...minimal, ussd: { encodings: ['utf8'] } },
      'ussd.encodings.0',
      /.+/,
    ],
    [
      'an encoding listed twice',
      { ...minimal, ussd: { encodings: ['plain', 'plain'] } },
      'ussd.encodings',
      /twice/,
    ],
    [
      'a flag that is not true or false',
      { ...minimal, reply: { cpinWithoutOk: 'yes' } },
      'reply.cpinWithoutOk',
      /.+/,
    ],
    ['a misspelt flag', { ...minimal, reply: { cpinWithoutOK: true } }, 'reply', /cpinWithoutOK/],
    ['an unknown field', { ...minimal, avoidCsmp: true }, '', /avoidCsmp/],
    [
      'silencing a code nobody knows',
      { ...minimal, urcs: { silence: ['^NOPE'] } },
      'urcs.silence.0',
      /not a known unsolicited code/,
    ],
    [
      'silencing USSD answers',
      { ...minimal, urcs: { silence: ['+CUSD'] } },
      'urcs.silence.0',
      /cannot be silenced/,
    ],
    [
      'an added code of no known shape',
      { ...minimal, urcs: { add: [{ name: 'x:' }] } },
      'urcs.add.0.name',
      /code such as/,
    ],
    [
      'an added code of three lines',
      { ...minimal, urcs: { add: [{ name: '^X', lines: 3 }] } },
      'urcs.add.0.lines',
      /.+/,
    ],
    ['an id with capitals', { ...minimal, id: 'Acme' }, 'id', /lowercase/],
    [
      'an init that dials',
      { ...minimal, init: ['AT^CURC=0', 'ATD112;'] },
      'init.1',
      /not a start-up setting/,
    ],
    [
      'an init that sends USSD',
      { ...minimal, init: ['AT+CUSD=1,"*100#",15'] },
      'init.0',
      /not a start-up setting/,
    ],
    [
      'an init that deletes the SIM’s messages',
      { ...minimal, init: ['AT+CMGD=1,4'] },
      'init.0',
      /not a start-up setting/,
    ],
    [
      'a USB id that is not vendor:product',
      { ...minimal, match: { usb: ['12d1-1506'] } },
      'match.usb.0',
      /vendor:product/,
    ],
  ])('%s', (_case, json, field, message) => {
    const parsed = parseProfileText(modemProfileSchema, JSON.stringify(json), 'acme.json');
    if (parsed.ok) throw new Error('the profile was accepted');
    const issue = parsed.problem.issues.find((candidate) => candidate.path === field);
    expect(issue?.message).toMatch(message);
    expect(parsed.problem.message).toMatch(/^acme\.json: /);
  });

  it("the README's example profile is valid", () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');
    const example = /### Modem profiles[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    const parsed = parseProfileText(modemProfileSchema, example ?? '', 'README.md');
    expect(parsed.ok ? parsed.profile.id : parsed.problem.message).toBe('huawei-e3531');
  });

  it('a minimal file gets the generic defaults for everything it leaves out', () => {
    const parsed = parseProfileText(modemProfileSchema, JSON.stringify(minimal));
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const { id: _id, name: _name, source: _source, match: _match, ...rest } = parsed.profile;
    const {
      id: _gid,
      name: _gname,
      source: _gsource,
      match: _gmatch,
      file: _file,
      ...generic
    } = genericProfile;
    expect(rest).toEqual(generic);
  });
});

describe("the shop's modems folder", () => {
  it('adds a profile that is tried before the shipped ones, and replaces one by id', async () => {
    const shop = tempDir();
    const e3531 = write(shop, 'huawei-e3531.json', {
      id: 'huawei-e3531',
      name: 'Huawei E3531 (the shop’s)',
      match: { manufacturer: 'huawei', model: '^E3531' },
      ussd: { encodings: ['plain'] },
    });
    const zte = write(shop, 'zte.json', {
      id: 'zte',
      name: 'ZTE, as this shop knows it',
      match: { manufacturer: 'zte' },
      ussd: { avoidCusd2: true },
    });
    const { profiles, problems } = await loadModemProfiles([SHIPPED_MODEMS, shop]);
    expect(problems).toEqual([]);
    expect(profiles.slice(0, 2).map(({ id, file }) => [id, file])).toEqual([
      ['huawei-e3531', e3531],
      ['zte', zte],
    ]);
    expect(profiles.filter(({ id }) => id === 'zte')).toHaveLength(1);
    const match = (manufacturer: string, model: string) =>
      matchModemProfile({ manufacturer, model }, profiles);
    expect(match('HUAWEI', 'E3531s-2')).toMatchObject({
      profile: { id: 'huawei-e3531', file: e3531 },
      matchedBy: 'manufacturer /huawei/i matched "HUAWEI" and model /^E3531/i matched "E3531s-2"',
    });
    expect(match('HUAWEI', 'E3372').profile.id).toBe('huawei');
    expect(match('ZTE CORPORATION', 'MF190').profile.ussd.avoidCusd2).toBe(true);
  });

  it('reports a bad file with its reason and loads the rest; a missing folder is no problem', async () => {
    const shop = tempDir();
    const good = write(shop, 'a-good.json', minimal);
    const bad = write(shop, 'b-bad.json', { ...minimal, id: 'bad', match: { model: '[' } });
    const broken = write(shop, 'c-broken.json', '{ "id": ');
    const { profiles, problems } = await loadModemProfiles([
      SHIPPED_MODEMS,
      shop,
      path.join(shop, 'nowhere'),
    ]);
    expect(profiles.map(({ id }) => id)).toContain('acme');
    expect(profiles.find(({ id }) => id === 'acme')?.file).toBe(good);
    expect(profiles.map(({ id }) => id)).not.toContain('bad');
    expect(problems.map(({ file, code }) => [file, code])).toEqual([
      [bad, 'invalid_profile'],
      [broken, 'invalid_json'],
    ]);
    expect(problems[0]?.message).toMatch(/b-bad\.json: match\.model: not a regular expression/);
  });

  it("a shop's generic.json replaces the fallback; with no folder at all the built-in one serves", async () => {
    const shop = tempDir();
    const file = write(shop, 'generic.json', {
      id: 'generic',
      name: 'This shop’s unknown modems',
      ussd: { encodings: ['ucs2-hex', 'plain'] },
    });
    const loaded = await loadModemProfiles([SHIPPED_MODEMS, shop]);
    const fallback = matchModemProfile({ manufacturer: 'Acme', model: '' }, loaded.profiles);
    expect(fallback.profile).toMatchObject({ file, ussd: { encodings: ['ucs2-hex', 'plain'] } });
    const none = await loadModemProfiles([]);
    expect(none).toEqual({ profiles: [genericProfile], problems: [] });
  });
});
