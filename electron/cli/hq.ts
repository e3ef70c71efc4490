import fs from 'node:fs';
import pg from 'pg';
import { loadCarrierProfiles } from '../carriers/load';
import { parseTrustedProxies } from '../hq/client-address';
import { migratePg } from '../hq/migrate';
import { startHqServer } from '../hq/server';
import { isLoopbackHost } from '../web-security';
import { type Command, UsageError } from './command';

function readPem(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--${what} ${file} cannot be read: ${(error as Error).message}`);
  }
}

/** `--trust-proxy`: none unless given, and a list that is not all IP addresses is refused. */
function trustedProxiesOf(value: unknown): ReadonlySet<string> {
  if (value === undefined) return new Set();
  const parsed = parseTrustedProxies(String(value));
  if (parsed.ok) return parsed.proxies;
  throw new UsageError(
    `--trust-proxy is a comma-separated list of the proxies’ IP addresses ` +
      `(e.g. 127.0.0.1,10.0.0.5), not "${value}": ${parsed.problem}`,
  );
}

/**
 * The serving pool's bounds: a request waits at most this long for a connection, a statement or
 * a lock, so one slow shop or a stuck query answers an error instead of holding the pool, and a
 * transaction left idle by a lost client is ended by PostgreSQL.
 */
export function hqPoolOptions(connectionString: string): pg.PoolConfig {
  return {
    connectionString,
    connectionTimeoutMillis: 10_000,
    statement_timeout: 30_000,
    lock_timeout: 10_000,
    idle_in_transaction_session_timeout: 60_000,
  };
}

export const hqServeCommand: Command = {
  name: 'hq serve',
  usage:
    'hq serve --pg URL [--port N] [--host 127.0.0.1] [--cert FILE --key FILE] ' +
    '[--trust-proxy ADDRESS,…] [--json]',
  summary:
    'Serve the head office of a chain of shops over PostgreSQL: its screens, its staff’s API and ' +
    'the shops’ sync. Stateless: several may serve one database. TLS is required except on loopback. ' +
    'Behind a load balancer or reverse proxy, --trust-proxy lists the proxies’ addresses whose ' +
    'X-Forwarded-For names the client (wrong passwords and enrolment codes are slowed per client); ' +
    'without it the header is ignored.',
  options: {
    pg: { type: 'string' },
    port: { type: 'string', default: '5180' },
    host: { type: 'string', default: '127.0.0.1' },
    cert: { type: 'string' },
    key: { type: 'string' },
    'trust-proxy': { type: 'string' },
  },
  async run({ values, output, rendererDir, carriersDir, signals }) {
    if (typeof values.pg !== 'string') {
      throw new UsageError('--pg is the head office’s PostgreSQL URL (postgres://user@host/db)');
    }
    const port = Number(values.port);
    if (!/^\d+$/.test(String(values.port)) || port > 65535) {
      throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}"`);
    }
    const host = String(values.host);
    if ((typeof values.cert === 'string') !== (typeof values.key === 'string')) {
      throw new UsageError('--cert and --key go together');
    }
    const tls =
      typeof values.cert === 'string' && typeof values.key === 'string'
        ? { cert: readPem(values.cert, 'cert'), key: readPem(values.key, 'key') }
        : undefined;
    if (!tls && !isLoopbackHost(host)) {
      throw new UsageError(
        `TLS is required except on loopback: --host ${host} needs --cert and --key`,
      );
    }
    const trustedProxies = trustedProxiesOf(values['trust-proxy']);
    const pool = new pg.Pool(hqPoolOptions(values.pg));
    // A connection lost while idle is PostgreSQL's business (a restart): the pool makes another.
    pool.on('error', (error) => output.warn(`PostgreSQL connection lost: ${error.message}`));
    let server: Awaited<ReturnType<typeof startHqServer>>;
    try {
      const now = () => new Date();
      // Migrating is unbounded: a big migration, or a second server waiting for the first's.
      const migrating = new pg.Pool({ connectionString: values.pg, max: 1 });
      const schema = await migratePg(migrating, now).finally(() => migrating.end());
      // The shipped carriers, as a shop has them: what the catalog starts from.
      const shipped = await loadCarrierProfiles([carriersDir]);
      const shippedCarriers = shipped.profiles.map(({ profile }) => profile);
      server = await startHqServer({
        pool,
        rendererDir,
        host,
        port,
        now,
        shippedCarriers,
        trustedProxies,
        ...(tls ? { tls } : {}),
      });
      output.result(
        {
          url: server.url,
          ...(server.fingerprint ? { fingerprint: server.fingerprint } : {}),
          schema: schema.to,
        },
        `Comptoir head office is serving ${server.url}` +
          (server.fingerprint ? `\ncertificate fingerprint (SHA-256): ${server.fingerprint}` : '') +
          `\ndatabase schema: ${schema.to}\nStop with Ctrl+C.`,
      );
    } catch (error) {
      await pool.end();
      throw error;
    }
    await signals.next();
    await server.close();
    await pool.end();
  },
};
