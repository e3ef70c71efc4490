import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { counterFileName, readCounterSettings } from '../../../electron/counter/settings';
import { postApi, signedIn } from '../../support/api';
import { finished, firstLine, spawnCli } from '../../support/cli';
import { spawnHub } from '../../support/counter-hub';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';

const tempDir = withTempDirs();

describe('comptoir pair and serve --counter', () => {
  it('pairs a counter, and a clerk signed in at it sells through the hub', async () => {
    const hub = await spawnHub(tempDir());
    const code = await hub.code();
    const dir = tempDir();

    const wrong = await finished(
      spawnCli([
        'pair',
        '--hub',
        hub.url,
        '--code',
        code,
        '--fingerprint',
        'AB'.repeat(32),
        '--dir',
        dir,
      ]),
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('another certificate');
    expect(fs.existsSync(path.join(dir, counterFileName))).toBe(false);

    const grouped = hub.fingerprint.match(/.{4}/g)?.join(' ') ?? '';
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    const paired = await finished(
      spawnCli([
        'pair',
        '--hub',
        `127.0.0.2:${hub.port}`,
        '--code',
        typed,
        '--fingerprint',
        grouped,
        '--dir',
        dir,
        '--json',
      ]),
    );
    expect(paired.code).toBe(0);
    const { till } = JSON.parse(paired.stdout);
    expect(till).toMatchObject({ kind: 'counter' });
    const settings = fs.readFileSync(path.join(dir, counterFileName), 'utf8');
    expect(settings).not.toMatch(/[0-9a-f]{64}/);
    expect(fs.statSync(path.join(dir, counterFileName)).mode & 0o777).toBe(0o600);

    const served = spawnCli(['serve', '--counter', dir, '--port', '0', '--json']);
    onTestFinished(async () => {
      served.kill('SIGTERM');
      await finished(served);
    });
    const { url, hub: hubUrl } = JSON.parse(await firstLine(served));
    expect(hubUrl).toBe(`https://127.0.0.2:${hub.port}`);

    const clerk = await signedIn(url, 'clerk', '1111');
    const progress: string[] = [];
    clerk.on('sales.progress', ({ sale }) => progress.push(sale.status));
    // The counter's socket at the hub signs in meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { sale } = await clerk.call('sales.renew', {
      msisdn: '687 12 34 56',
      planId: '1go',
      payment: { method: 'card' },
      idempotencyKey: `serve-counter-${Date.now()}`,
    });
    expect(sale.status).toBe('succeeded');
    expect(hub.sales()).toBe(1);
    await until(
      () => progress,
      (statuses) => statuses.includes('succeeded'),
      'the sale heard at the counter',
    );
  });
});

describe('comptoir serve on a fresh database', () => {
  it('joins a hub, and says that serve --counter serves the counter from now on', async () => {
    const hub = await spawnHub(tempDir());
    const code = await hub.code();
    const dir = tempDir();
    const served = spawnCli([
      'serve',
      '--db',
      path.join(dir, 'comptoir.sqlite'),
      '--port',
      '0',
      '--json',
    ]);
    const stopped = finished(served);
    onTestFinished(async () => {
      served.kill('SIGTERM');
      await stopped;
    });
    const { url } = JSON.parse(await firstLine(served));
    const joined = await postApi(url, 'counters.join', {
      url: hub.url,
      code,
      fingerprint: hub.fingerprint,
    });
    expect(joined.status).toBe(200);
    expect(readCounterSettings(dir)?.till).toEqual(joined.body.till);
    served.kill('SIGTERM');
    expect((await stopped).stderr).toContain(`comptoir serve --counter ${dir}`);
  });
});
