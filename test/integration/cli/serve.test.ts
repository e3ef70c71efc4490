import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signedIn } from '../../support/api';
import { finished, firstLine, spawnCli } from '../../support/cli';
import { freePort, pinnedCall } from '../../support/pinned-https';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();

describe('comptoir serve', () => {
  it('prints its URL, serves the API, and stops cleanly on signals, closing the database', async () => {
    const db = path.join(tempDir(), 'shop.sqlite');
    const child = spawnCli(['serve', '--db', db, '--port', '0', '--demo', '--json']);
    const done = finished(child);
    const started = JSON.parse(await firstLine(child));
    expect(started).toMatchObject({ database: db, demo: true });
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const listing = (await (await fetch(`${started.url}api`)).json()) as { procedures: unknown[] };
    expect(listing.procedures.length).toBeGreaterThan(0);
    // The demo sells the carrier profiles shipped beside the build.
    const api = await signedIn(started.url, 'clerk', '1111');
    const { carriers } = await api.call('catalog.list', {});
    expect(carriers.map((carrier) => carrier.id)).toEqual(['nc-demo']);
    // The shipped carrier is found from the built command, and the demo bank has its modems.
    const clerk = await signedIn(started.url, 'clerk', '1111');
    expect((await clerk.call('modems.list', {})).modems.map((modem) => modem.carrierId)).toEqual([
      'nc-demo',
      'nc-demo',
    ]);

    // A terminal's Ctrl+C may arrive twice (npm start passes it on too): still a clean stop.
    child.kill('SIGTERM');
    child.kill('SIGINT');
    const { code } = await done;
    expect(code).toBe(0);
    // Closing the last connection checkpoints WAL and removes the -wal file.
    expect(fs.existsSync(`${db}-wal`)).toBe(false);
  });

  it('refuses to listen on the network, with the reason', async () => {
    const { code, stderr } = await finished(
      spawnCli(['serve', '--db', path.join(tempDir(), 's.sqlite'), '--host', '0.0.0.0']),
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/Refusing to listen on 0\.0\.0\.0.*serves this machine only/);
  });

  it('opens the hub to the network with --network, saved as a manager would set it', async () => {
    const db = path.join(tempDir(), 'shop.sqlite');
    const port = await freePort('127.0.0.3');
    const child = spawnCli([
      'serve',
      '--db',
      db,
      '--port',
      '0',
      '--network',
      `127.0.0.3:${port}`,
      '--demo',
      '--json',
    ]);
    const done = finished(child);
    const started = JSON.parse(await firstLine(child));
    expect(started.network).toEqual({ url: `https://127.0.0.3:${port}/`, problem: null });
    const manager = await signedIn(started.url, 'manager', '9999');
    const { fingerprint, network } = await manager.call('counters.get', {});
    expect(network).toEqual({ open: true, address: '127.0.0.3', port });
    const url = started.network.url as string;
    expect((await pinnedCall(url, fingerprint, 'app.get', {})).status).toBe(200);
    const unpaired = await pinnedCall(url, fingerprint, 'sales.list', {});
    expect(unpaired.body.error?.code).toBe('device_unpaired');
    child.kill('SIGTERM');
    expect((await done).code).toBe(0);
  });

  it.each(['0.0.0.0:80', 'shop.local', '127.0.0.3:99999'])(
    'refuses --network %s as a usage error',
    async (network) => {
      const { code, stderr } = await finished(spawnCli(['serve', '--network', network]));
      expect(code).toBe(2);
      expect(stderr).toMatch(/--network is one of this machine's addresses/);
    },
  );

  it('reports a bad port as a usage error in JSON on stderr', async () => {
    const { code, stdout, stderr } = await finished(
      spawnCli(['serve', '--port', 'eighty', '--json']),
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(JSON.parse(stderr)).toEqual({
      error: { code: 'usage', message: '--port must be a number from 0 to 65535, not "eighty"' },
    });
  });

  it('refuses an unknown option before doing anything', async () => {
    const dir = tempDir();
    const { code, stderr } = await finished(
      spawnCli(['serve', '--db', path.join(dir, 's.sqlite'), '--bind', 'all'], {
        COMPTOIR_DATA_DIR: dir,
      }),
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown option '--bind'/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a database from a newer Comptoir with the reason', async () => {
    const db = path.join(tempDir(), 'shop.sqlite');
    const { default: BetterSqlite3 } = await import('better-sqlite3');
    const newer = new BetterSqlite3(db);
    newer.pragma('user_version = 999');
    newer.close();
    const { code, stderr } = await finished(spawnCli(['serve', '--db', db]));
    expect(code).toBe(1);
    expect(stderr).toMatch(/newer version of Comptoir \(schema version 999/);
  });

  it('with --auto, runs the demo until the shop has a modem, then the shop', async () => {
    const dataDir = tempDir();
    const startOnce = async () => {
      const child = spawnCli(['serve', '--auto', '--port', '0', '--json'], {
        COMPTOIR_DATA_DIR: dataDir,
      });
      const done = finished(child);
      const started = JSON.parse(await firstLine(child));
      child.kill('SIGTERM');
      await done;
      return started;
    };
    expect(await startOnce()).toMatchObject({
      demo: true,
      database: path.join(dataDir, 'comptoir-demo.sqlite'),
    });

    const { openDatabase } = await import('../../../electron/store/database');
    const { createModemSettingsStore } = await import('../../../electron/store/modem-settings');
    const { db } = openDatabase(path.join(dataDir, 'comptoir.sqlite'));
    createModemSettingsStore(db, () => new Date()).save({
      id: 'modem-1',
      carrierId: 'nc-demo',
      path: '/dev/ttyUSB0',
      baudRate: null,
      hardwareFlowControl: false,
      iccid: null,
      imei: null,
    });
    db.close();
    expect(await startOnce()).toMatchObject({
      demo: false,
      database: path.join(dataDir, 'comptoir.sqlite'),
    });

    const mixed = await finished(spawnCli(['serve', '--auto', '--db', path.join(dataDir, 'x')]));
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/--auto goes without --demo and --db/);
  });
});
