/**
 * Loading profiles from folders: the shipped one loads; a bad file is reported by name and
 * field and the good ones load anyway; the shop's folder overrides the shipped one by id.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCarrierProfiles, parseCarrierProfileText } from '../../../electron/carriers';
import { withTempDirs } from '../../support/temp';
import { DEMO_FILE, demoProfileInput, SHIPPED_CARRIERS } from './demo-profile';

const tempDir = withTempDirs('comptoir-carriers-');

function write(dir: string, name: string, content: unknown) {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

describe('loading carrier profiles', () => {
  it('loads the shipped New Caledonia demo profile with nothing to report', async () => {
    const { profiles, problems } = await loadCarrierProfiles([SHIPPED_CARRIERS]);
    expect(problems).toEqual([]);
    expect(profiles.map(({ profile, file }) => [profile.id, file])).toContainEqual([
      'nc-demo',
      DEMO_FILE,
    ]);
    const demo = profiles.find(({ profile }) => profile.id === 'nc-demo')?.profile;
    expect(demo).toMatchObject({ country: 'NC', currency: 'XPF', numberRegion: 'NC' });
  });

  it('reports a bad file by name and field, and still loads the good ones', async () => {
    const dir = tempDir();
    const good = write(dir, 'a-good.json', { ...demoProfileInput(), id: 'good' });
    const bad = demoProfileInput();
    bad.id = 'bad';
    const plan = bad.plans[1];
    if (plan) plan.price = 5999.99;
    const badFile = write(dir, 'b-bad.json', bad);
    const broken = write(dir, 'c-broken.json', '{ "id": "broken", ');
    write(dir, 'notes.txt', 'not a profile');

    const { profiles, problems } = await loadCarrierProfiles([dir]);
    expect(profiles.map(({ profile, file }) => [profile.id, file])).toEqual([['good', good]]);
    expect(problems.map(({ file, code }) => [file, code])).toEqual([
      [badFile, 'invalid_profile'],
      [broken, 'invalid_json'],
    ]);
    const [invalid] = problems;
    expect(invalid?.message).toContain(badFile);
    expect(invalid?.message).toContain('plans.1.price');
    expect(invalid?.issues).toContainEqual(
      expect.objectContaining({ path: 'plans.1.price', code: 'invalid_type' }),
    );
    expect(problems[1]?.message).toMatch(/c-broken\.json: not JSON/);
  });

  it("lets the shop's folder replace a shipped profile with the same id", async () => {
    const shop = tempDir();
    const edited = demoProfileInput();
    const plan = edited.plans[0];
    if (plan) plan.price = 1600;
    const file = write(shop, 'nc-demo.json', edited);
    const { profiles, problems } = await loadCarrierProfiles([SHIPPED_CARRIERS, shop]);
    expect(problems).toEqual([]);
    const demo = profiles.filter(({ profile }) => profile.id === 'nc-demo');
    expect(demo).toHaveLength(1);
    expect(demo[0]).toMatchObject({ file, overrides: DEMO_FILE });
    expect(demo[0]?.profile.plans[0]?.price).toBe(1600);
  });

  it('keeps the first of two files with the same id in one folder and reports the second', async () => {
    const dir = tempDir();
    const first = write(dir, 'one.json', demoProfileInput());
    const second = write(dir, 'two.json', demoProfileInput());
    const { profiles, problems } = await loadCarrierProfiles([dir]);
    expect(profiles.map(({ file }) => file)).toEqual([first]);
    expect(problems).toEqual([expect.objectContaining({ file: second, code: 'duplicate_id' })]);
    expect(problems[0]?.message).toContain(first);
  });

  it('takes a folder that does not exist yet as empty', async () => {
    const missing = path.join(tempDir(), 'carriers');
    expect(await loadCarrierProfiles([missing])).toEqual({ profiles: [], problems: [] });
  });

  it('validates a profile a manager is saving, with the same messages', () => {
    const result = parseCarrierProfileText('{"id": "x"}', 'edited');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe('invalid_profile');
      expect(result.problem.message).toMatch(/^edited: .*name/);
    }
  });
});
