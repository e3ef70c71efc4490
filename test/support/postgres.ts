import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A real PostgreSQL server for the head office's tests: Debian's `postgresql` package, a cluster
 * made in a temporary folder (`initdb`), started on a free port on 127.0.0.1 only and stopped
 * after. PostgreSQL refuses to run as root, so under root it runs as the `postgres` user. One
 * cluster serves the whole run (test/support/postgres-global.ts starts it); each test file takes
 * a database of its own from it (`freshDatabase`).
 */

/**
 * The folder of `initdb` and `pg_ctl` (scripts/system-parts.mjs finds it for `npm test` too),
 * imported when asked: Playwright compiles a spec's static imports to CommonJS, which an ES
 * module (.mjs) cannot be, so a static import stops every spec that starts a cluster.
 */
async function postgresBin(): Promise<string> {
  const { postgresBinFolder } = await import('../../scripts/system-parts.mjs');
  const folder = postgresBinFolder(process.env);
  if (folder === null)
    throw new Error('PostgreSQL is not installed: apt-get install -y postgresql');
  return folder;
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;

function run(program: string, args: string[]) {
  const command = asRoot ? 'runuser' : program;
  const commandArgs = asRoot ? ['-u', 'postgres', '--', program, ...args] : args;
  const result = spawnSync(command, commandArgs, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${path.basename(program)} failed: ${result.stderr || result.stdout}`);
  }
}

export interface PostgresCluster {
  /** `postgres://comptoir@127.0.0.1:PORT/postgres`: the superuser's URL to the default database. */
  url: string;
  port: number;
  stop(): void;
}

/** Makes and starts a cluster; `stop` stops it and removes its folder. */
export async function startPostgres(): Promise<PostgresCluster> {
  const bin = await postgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-pg-'));
  if (asRoot) spawnSync('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  run(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'comptoir',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const port = await freeLoopbackPort();
  // fsync off: a test cluster is thrown away, and the machines are shared and slow to sync.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  run(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    options,
    '-l',
    path.join(dir, 'log'),
    '-w',
    'start',
  ]);
  return {
    url: `postgres://comptoir@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A new empty database on the cluster at `serverUrl`, and its URL. */
export async function freshDatabase(serverUrl: string): Promise<string> {
  const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
