import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { z } from 'zod';
import { migratePg } from '../../electron/hq/migrate';
import { startHqServer } from '../../electron/hq/server';
import { createHqClient, type HqClient } from '../../shared/api/hq-contract/client';
import { httpTransport } from '../../shared/api/http-transport';
import { type enrolResponseSchema, type Fact, headOfficeWire } from '../../shared/head-office';
import { firstLine, spawnCli } from './cli';
import { freshDatabase } from './postgres';

/**
 * A real head office for the tests of every part of issue 16: `comptoir hq serve` on a fresh
 * database of a real PostgreSQL (the run's, `inject('postgresUrl')`, or a cluster of the test's
 * own, `startPostgres()`), its staff, its shops and their enrolment codes.
 */
export interface TestHeadOffice {
  /** `http://127.0.0.1:PORT/` (or https with `tls`). */
  url: string;
  /** The head office's own database: read it to check what arrived. */
  databaseUrl: string;
  /** The staff's API, signed in as `staff` once `signInStaff` ran. */
  client: HqClient;
  /** The server process (the built CLI), or null when served in this process. */
  process: ChildProcess | null;
  /** Stops the server (SIGTERM, or closes it in process) and waits for it. */
  stop(): Promise<void>;
}

export interface HeadOfficeOptions {
  /** The PostgreSQL server's superuser URL; a fresh database is made on it. */
  postgresUrl: string;
  /** Serve this database instead of a fresh one (a second server, a restart after SIGKILL). */
  databaseUrl?: string;
  /** The port (0, the default: a free one; a restart may ask for the same one again). */
  port?: number;
  /** PEM files: served over HTTPS on loopback, its fingerprint in `fingerprint`. */
  tls?: { certFile: string; keyFile: string };
  /** `--trust-proxy`'s value. */
  trustProxy?: string;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Starts the built `comptoir hq serve` (`npx electron-vite build` first) on a fresh database and
 * waits for its JSON line. Stop it with `stop()`, or `process.kill('SIGKILL')` to cut it short.
 */
export async function startHeadOffice(
  options: HeadOfficeOptions,
): Promise<TestHeadOffice & { fingerprint: string | null }> {
  const databaseUrl = options.databaseUrl ?? (await freshDatabase(options.postgresUrl));
  const args = ['hq', 'serve', '--pg', databaseUrl, '--port', String(options.port ?? 0), '--json'];
  if (options.tls) args.push('--cert', options.tls.certFile, '--key', options.tls.keyFile);
  if (options.trustProxy !== undefined) args.push('--trust-proxy', options.trustProxy);
  const child = spawnCli(args);
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  let line: string;
  try {
    line = await firstLine(child);
  } catch (error) {
    throw new Error(`hq serve did not start: ${(error as Error).message}\n${stderr}`);
  }
  const started = JSON.parse(line) as { url: string; fingerprint?: string };
  return {
    url: started.url,
    databaseUrl,
    fingerprint: started.fingerprint ?? null,
    client: createHqClient(httpTransport({ baseUrl: started.url })),
    process: child,
    stop: () => stopChild(child),
  };
}

/**
 * The same head office served in this process (no build needed): for tests of its procedures
 * and wire that need neither a separate process nor TLS.
 */
export async function startHeadOfficeInProcess(
  options: Pick<HeadOfficeOptions, 'postgresUrl' | 'databaseUrl'> & {
    now?: () => Date;
    /** `--trust-proxy`'s addresses. */
    trustedProxies?: ReadonlySet<string>;
  },
): Promise<TestHeadOffice & { pool: pg.Pool }> {
  const databaseUrl = options.databaseUrl ?? (await freshDatabase(options.postgresUrl));
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // An idle connection dropped by the server is replaced; it must not end the test run.
  pool.on('error', () => {});
  const now = options.now ?? (() => new Date());
  await migratePg(pool, now);
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-hq-renderer-'));
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>Comptoir</title></head><body></body></html>',
  );
  const server = await startHqServer({
    pool,
    rendererDir,
    host: '127.0.0.1',
    port: 0,
    now,
    log: { error: () => {}, warn: () => {}, info: () => {} },
    ...(options.trustedProxies ? { trustedProxies: options.trustedProxies } : {}),
  });
  return {
    url: server.url,
    databaseUrl,
    pool,
    client: createHqClient(httpTransport({ baseUrl: server.url })),
    process: null,
    async stop() {
      await server.close();
      await pool.end();
      fs.rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}

export const testStaff = { name: 'Marie Siège', password: 'un mot de passe long' } as const;

/** Makes the head office's first account (or signs in to it) and signs its client in. */
export async function signInStaff(headOffice: TestHeadOffice): Promise<string> {
  const { hasStaff } = await headOffice.client.call('staff.getAbout', {});
  const session = hasStaff
    ? await headOffice.client.call('staff.login', testStaff)
    : await headOffice.client.call('staff.setup', testStaff);
  headOffice.client.setToken(session.token);
  return session.token;
}

/** A new shop of the chain (signed-in staff) and its enrolment code. */
export async function createShop(
  headOffice: TestHeadOffice,
  shop: { name: string; zone?: string; currency?: 'XPF' | 'EUR'; managed?: boolean },
): Promise<{ shopId: string; code: string }> {
  const made = await headOffice.client.call('shops.create', {
    name: shop.name,
    zone: shop.zone ?? 'Pacific/Noumea',
    currency: shop.currency ?? 'XPF',
    managed: shop.managed ?? true,
  });
  return { shopId: made.shop.id, code: made.enrolment.code };
}

export type Enrolment = z.output<typeof enrolResponseSchema>;

/**
 * Enrols as a shop would, without a shop: the wire's own request. Tests of the shop's side use
 * the shop's enrolment (`sync.enrol`) instead.
 */
export async function enrolAsShop(
  headOffice: Pick<TestHeadOffice, 'url'>,
  code: string,
  /** The shop's own zone and currency, as a shop sends them (an older shop sends neither). */
  profile: { zone?: string; currency?: string } = {},
) {
  const response = await fetch(new URL(headOfficeWire.enrol, headOffice.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, software: 'test', ...profile }),
  });
  return { status: response.status, body: (await response.json()) as Enrolment };
}

/** Sends a batch of facts as an enrolled shop would; the status and the ack (or the error). */
export async function sendFacts(
  headOffice: Pick<TestHeadOffice, 'url'>,
  credential: string,
  facts: readonly Fact[],
  extra: { backlog?: number; catalogVersion?: number } = {},
) {
  const response = await fetch(new URL(headOfficeWire.facts, headOffice.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
    body: JSON.stringify({
      facts,
      backlog: extra.backlog ?? 0,
      catalogVersion: extra.catalogVersion ?? 0,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
