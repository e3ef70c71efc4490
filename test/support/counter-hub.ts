import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, onTestFinished } from 'vitest';
import { postApi } from './api';
import { finished, firstLine, spawnCli } from './cli';
import { freePort } from './pinned-https';

/**
 * A demo hub as a shop runs it: the built `comptoir serve` on `dir`/hub.sqlite, opened by its
 * manager to "the shop's network" on 127.0.0.2 (a loopback address standing for the hub's
 * interface). `stop` kills the process (SIGKILL: a hub that is gone, not one that said goodbye);
 * `start` runs it again on the same database, so on the same port and certificate.
 */
export async function spawnHub(dir: string) {
  const databaseFile = path.join(dir, 'hub.sqlite');
  let child: ChildProcess | null = null;
  let local = '';
  const start = async () => {
    const started = spawnCli(['serve', '--db', databaseFile, '--demo', '--port', '0', '--json']);
    child = started;
    local = JSON.parse(await firstLine(started)).url;
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running) return;
    const done = finished(running);
    running.kill('SIGKILL');
    await done;
  };
  await start();
  onTestFinished(stop);
  const manager = (await postApi(local, 'auth.login', { name: 'manager', pin: '9999' })).body
    .token as string;
  const port = await freePort('127.0.0.2');
  const opened = await postApi(
    local,
    'counters.setNetwork',
    { open: true, address: '127.0.0.2', port },
    { token: manager },
  );
  expect(opened.body).toMatchObject({ problem: null });
  return {
    /** Where counters join it: `https://127.0.0.2:port/`. */
    url: opened.body.url as string,
    port,
    fingerprint: opened.body.fingerprint as string,
    /** The hub's own loopback host, as its manager uses it. */
    local: () => local,
    /** A new pairing code made by the manager at the hub (signed in again after a restart). */
    async code() {
      const token = (await postApi(local, 'auth.login', { name: 'manager', pin: '9999' })).body
        .token as string;
      const answer = await postApi(local, 'counters.createPairingCode', {}, { token });
      return answer.body.code as string;
    },
    /** Revokes the counter of till `id`, as the manager does in Settings → Counters. */
    async revoke(id: string) {
      const token = (await postApi(local, 'auth.login', { name: 'manager', pin: '9999' })).body
        .token as string;
      const answer = await postApi(local, 'counters.revoke', { id }, { token });
      expect(answer.status).toBe(200);
    },
    /** How many sales the hub's database holds, read beside the running hub. */
    sales() {
      const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
      try {
        return db.prepare('SELECT count(*) FROM sales').pluck().get() as number;
      } finally {
        db.close();
      }
    },
    stop,
    start,
  };
}
