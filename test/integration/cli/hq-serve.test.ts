import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import selfsigned from 'selfsigned';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { fingerprintOf } from '../../../electron/counters/certificate';
import { factIds, saleFact } from '../../support/chain-facts';
import { finished, spawnCli } from '../../support/cli';
import { postFrom } from '../../support/from-address';
import {
  createShop,
  enrolAsShop,
  sendFacts,
  signInStaff,
  startHeadOffice,
  type TestHeadOffice,
  testStaff,
} from '../../support/head-office';

const running: TestHeadOffice[] = [];
afterAll(async () => {
  for (const headOffice of running) await headOffice.stop();
});

async function started(options: Parameters<typeof startHeadOffice>[0]) {
  const headOffice = await startHeadOffice(options);
  running.push(headOffice);
  return headOffice;
}

describe('comptoir hq serve', () => {
  it('refuses to listen beyond this machine without TLS, before touching the database', async () => {
    const refused = await finished(
      spawnCli(['hq', 'serve', '--pg', 'postgres://nobody@127.0.0.1:1/none', '--host', '0.0.0.0']),
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('TLS is required except on loopback');
    const noDatabase = await finished(spawnCli(['hq', 'serve', '--json']));
    expect(noDatabase.code).toBe(2);
    expect(JSON.parse(noDatabase.stderr)).toMatchObject({ error: { code: 'usage' } });
  });

  it('refuses a --trust-proxy that is not a list of IP addresses, before touching the database', async () => {
    for (const [value, problem] of [
      ['10.0.0.0/8', '"10.0.0.0/8" is not an IP address'],
      ['127.0.0.1,proxy.example', '"proxy.example" is not an IP address'],
      ['127.0.0.1,', 'an empty entry'],
    ]) {
      const refused = await finished(
        spawnCli([
          'hq',
          'serve',
          '--pg',
          'postgres://nobody@127.0.0.1:1/none',
          '--trust-proxy',
          value as string,
        ]),
      );
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(
        `--trust-proxy is a comma-separated list of the proxies’ IP addresses (e.g. 127.0.0.1,10.0.0.5), not "${value}": ${problem}`,
      );
    }
  });

  it('counts wrong passwords under the address a trusted proxy forwards', async () => {
    const headOffice = await started({
      postgresUrl: inject('postgresUrl'),
      trustProxy: '127.0.0.1',
    });
    await signInStaff(headOffice);
    const signIn = (password: string, forwardedFor: string) =>
      postFrom(
        headOffice.url,
        '/api/staff.login',
        { name: testStaff.name, password },
        { from: '127.0.0.1', forwardedFor },
      );
    for (let i = 0; i < 3; i++) expect((await signIn('wrong', '198.51.100.7')).status).toBe(401);
    expect((await signIn('wrong', '198.51.100.7')).status).toBe(429);
    expect((await signIn(testStaff.password, '198.51.100.8')).status).toBe(200);
  });

  it('migrates a fresh database, serves the app as the head office’s, enrols and syncs a shop; two servers share one database', async () => {
    const headOffice = await started({ postgresUrl: inject('postgresUrl') });
    expect(headOffice.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await (await fetch(headOffice.url)).text();
    expect(page).toContain('<meta name="comptoir-role" content="head-office">');

    await signInStaff(headOffice);
    const { code } = await createShop(headOffice, { name: 'Wé' });
    const { body: enrolment } = await enrolAsShop(headOffice, code);
    const ids = factIds();
    const ack = await sendFacts(headOffice, enrolment.credential, [saleFact(ids(), { saleId: 1 })]);
    expect(ack.body.stored).toBe(1);

    // Stateless: a second server on the same database knows the staff's session and the shop.
    const second = await started({
      postgresUrl: inject('postgresUrl'),
      databaseUrl: headOffice.databaseUrl,
    });
    second.client.setToken(
      (
        await headOffice.client.call('staff.login', {
          name: 'Marie Siège',
          password: 'un mot de passe long',
        })
      ).token,
    );
    expect((await second.client.call('shops.list', {})).shops[0]).toMatchObject({
      name: 'Wé',
      factsStored: 1,
    });
    const again = await sendFacts(second, enrolment.credential, [saleFact(ids(), { saleId: 2 })]);
    expect(again.body.stored).toBe(1);

    await headOffice.stop();
    expect(headOffice.process?.exitCode).toBe(0);
  });

  it('serves over TLS with the certificate given, and prints its fingerprint for the shops to pin', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-hq-tls-'));
    const made = await selfsigned.generate(
      [{ name: 'commonName', value: 'Comptoir head office' }],
      {
        keyType: 'ec',
        curve: 'P-256',
        algorithm: 'sha256',
      },
    );
    const certFile = path.join(dir, 'cert.pem');
    const keyFile = path.join(dir, 'key.pem');
    fs.writeFileSync(certFile, made.cert);
    fs.writeFileSync(keyFile, made.private);
    const headOffice = await started({
      postgresUrl: inject('postgresUrl'),
      tls: { certFile, keyFile },
    });
    expect(headOffice.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    expect(headOffice.fingerprint).toBe(fingerprintOf(made.cert));
    const seen = await new Promise<string>((resolve, reject) => {
      const request = https.get(headOffice.url, { rejectUnauthorized: false }, (response) => {
        resolve(
          (response.socket as TLSSocket).getPeerCertificate().fingerprint256.replaceAll(':', ''),
        );
        response.resume();
      });
      request.on('error', reject);
    });
    expect(seen).toBe(headOffice.fingerprint);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
