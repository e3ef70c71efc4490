import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { finished, firstLine, spawnCli } from '../../support/cli';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const stops: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** `comptoir simulate` in the background, as a technician would start it. */
async function simulate(profile: string): Promise<string> {
  const child = spawnCli([
    'simulate',
    '--profile',
    profile,
    '--link',
    path.join(tempDir(), 'tty'),
    '--json',
  ]);
  const done = finished(child);
  stops.push(() => {
    child.kill('SIGINT');
    return done;
  });
  const started = JSON.parse(await firstLine(child));
  expect(started.profile).toBe(profile);
  return started.port;
}

/** Runs a command with --json; the default data folder is an empty one of the test's. */
async function run(args: string[]) {
  const env = { COMPTOIR_DATA_DIR: tempDir() };
  const { code, stdout, stderr } = await finished(spawnCli([...args, '--json'], env));
  return { code, json: stdout === '' ? null : JSON.parse(stdout), stderr };
}

describe('the modem commands against `comptoir simulate`', () => {
  it('modem info identifies the modem', async () => {
    const port = await simulate('huawei');
    const { code, json } = await run(['modem', 'info', '--port', port]);
    expect(code).toBe(0);
    expect(Object.keys(json)).toEqual([
      'manufacturer',
      'model',
      'revision',
      'imei',
      'imsi',
      'iccid',
      'sim',
      'registration',
      'operator',
      'signal',
      'profile',
    ]);
    expect(json).toMatchObject({
      manufacturer: 'huawei',
      model: 'E3372',
      sim: 'ready',
      registration: { state: 'registered-home' },
      signal: { csq: expect.any(Number), dbm: expect.any(Number), bars: expect.any(Number) },
      profile: {
        id: 'huawei',
        name: 'Huawei (E1xx, E3xxx, K3xxx)',
        file: path.resolve(__dirname, '../../../resources/modems/huawei.json'),
        matchedBy: 'manufacturer /huawei/i matched "huawei"',
      },
    });
  });

  it("modem info picks a profile from the shop's modems/ folder (--db), and says why", async () => {
    const port = await simulate('generic');
    const shop = tempDir();
    fs.mkdirSync(path.join(shop, 'modems'));
    const file = path.join(shop, 'modems', 'sim-1.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        id: 'comptoir-sim-1',
        name: 'The SIM-1 of this shop',
        match: { model: '^SIM-1' },
      }),
    );
    fs.writeFileSync(path.join(shop, 'modems', 'broken.json'), '{ "id": "broken",');
    const database = path.join(shop, 'comptoir.sqlite');
    const { code, json, stderr } = await run(['modem', 'info', '--port', port, '--db', database]);
    expect(code).toBe(0);
    expect(json.profile).toEqual({
      id: 'comptoir-sim-1',
      name: 'The SIM-1 of this shop',
      file,
      matchedBy: 'model /^SIM-1/i matched "SIM-1 simulated modem"',
      learned: [],
    });
    expect(stderr).toMatch(/modem profile .*broken\.json: not JSON/);

    // The same folder found as the default data folder's, in the words a technician reads.
    const text = await finished(
      spawnCli(['modem', 'info', '--port', port], { COMPTOIR_DATA_DIR: shop }),
    );
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      `profile comptoir-sim-1 (The SIM-1 of this shop) from ${file}: model /^SIM-1/i matched "SIM-1 simulated modem"`,
    );
  });

  it('ussd walks the top-up menu with --reply, and at talks raw AT', async () => {
    const port = await simulate('generic');
    const topUp = await run([
      'ussd',
      '--port',
      port,
      '*123#',
      '--reply',
      '1',
      '--reply',
      '687123456',
      '--reply',
      '3',
      '--reply',
      '1234',
    ]);
    expect(topUp.code).toBe(0);
    expect(topUp.json).toMatchObject({ status: 'done', m: 0, dcs: 15 });
    expect(topUp.json.text).toMatch(/^Recharge 20Go OK pour 687123456/);
    expect(topUp.json.steps.map((step: { sent: string }) => step.sent)).toEqual([
      '*123#',
      '1',
      '687123456',
      '3',
      '1234',
    ]);
    const raw = await run(['at', '--port', port, 'AT+CSQ']);
    expect(raw.json).toEqual({ lines: ['+CSQ: 21,99'], final: { kind: 'ok' } });
  });

  it('ussd stops at a menu nobody answers, and refuses a code that is not digits, * and #', async () => {
    const port = await simulate('generic');
    const menu = await run(['ussd', '--port', port, '*123#']);
    expect(menu.json).toMatchObject({ status: 'menu', m: 1, text: '1 Recharge forfait\n2 Solde' });
    const refused = await run(['ussd', '--port', port, '*123#";ATD112;']);
    expect(refused.code).toBe(2);
    expect(refused.json).toBeNull();
    expect(JSON.parse(refused.stderr).error.message).toMatch(/only hold digits, \*, # and \+/);
    const badNumber = await run(['sms', 'send', '--port', port, '--to', '4012;ATD', '--text', 'x']);
    expect(badNumber.code).toBe(2);
  });

  it('sms query gets the multipart reply; sms list shows it; sms send splits a long text', async () => {
    const port = await simulate('ucs2');
    const reply = await run([
      'sms',
      'query',
      '--port',
      port,
      '--to',
      '4012',
      '--text',
      'CXLL 687123456',
    ]);
    expect(reply.code).toBe(0);
    expect(reply.json).toMatchObject({ sender: '4012', parts: 2 });
    expect(reply.json.text).toMatch(/il vous reste .*剩余流量/);
    const listed = await run(['sms', 'list', '--port', port]);
    expect(listed.json).toEqual([
      {
        indexes: [expect.any(Number), expect.any(Number)],
        sender: '4012',
        timestamp: reply.json.timestamp,
        text: reply.json.text,
        encoding: 'ucs2',
        complete: true,
        truncated: false,
        warnings: [],
      },
    ]);
    const sent = await run([
      'sms',
      'send',
      '--port',
      port,
      '--to',
      '+687123456',
      '--text',
      'Merci ! '.repeat(25),
    ]);
    expect(sent.json).toEqual({ parts: 2, references: [expect.any(Number), expect.any(Number)] });
  });

  it('says clearly when the port does not exist', async () => {
    const { code, stderr } = await run([
      'modem',
      'info',
      '--port',
      path.join(tempDir(), 'ttyUSB7'),
    ]);
    expect(code).toBe(1);
    expect(JSON.parse(stderr).error.message).toMatch(/Cannot open .*ttyUSB7/);
  });
});
