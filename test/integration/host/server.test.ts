import http from 'node:http';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore } from '../../../electron/core';
import { HostRefusedError, startHost } from '../../../electron/host/server';
import { procedures } from '../../../shared/api/contract';
import { withTestHosts } from '../../support/host';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';

const startTestHost = withTestHosts();
const tempDir = withTempDirs();

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so that headers a browser would never send can be tried. */
function request(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  const target = new URL(options.path, url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      target,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = { 'content-type': 'application/json' };

describe('the browser host', () => {
  it('lists every procedure with its input and output as JSON Schema', async () => {
    const { host } = await startTestHost();
    const answer = await request(host.url, { path: '/api' });
    expect(answer.status).toBe(200);
    const listing = JSON.parse(answer.body);
    expect(listing.procedures.map((p: { name: string }) => p.name)).toEqual(
      Object.keys(procedures),
    );
    const update = listing.procedures.find((p: { name: string }) => p.name === 'shop.update');
    expect(update.input.type).toBe('object');
    expect(update.input.required).toContain('timeZone');
    expect(update.output.properties.profile).toBeDefined();
    expect(listing.events.map((e: { name: string }) => e.name)).toContain('shop.updated');
  });

  it.each([
    ['a body that is not JSON', { body: '{"name":', headers: json }, 400, 'invalid_json'],
    [
      'a form post',
      { body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      415,
      'unsupported_media_type',
    ],
    [
      'a body over 1 MiB',
      { body: `"${'x'.repeat(1024 * 1024 + 10)}"`, headers: json },
      413,
      'payload_too_large',
    ],
    ['input of the wrong shape', { body: '[1,2]', headers: json }, 400, 'invalid_input'],
  ])('refuses %s', async (_label, options, status, code) => {
    const { host } = await startTestHost();
    const answer = await request(host.url, {
      method: 'POST',
      path: '/api/shop.update',
      ...options,
    });
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.body).error.code).toBe(code);
  });

  it('answers 404 for an unknown procedure and 405 for GET on a procedure', async () => {
    const { host } = await startTestHost();
    const unknown = await request(host.url, {
      method: 'POST',
      path: '/api/till.open',
      body: '{}',
      headers: json,
    });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('unknown_procedure');
    const get = await request(host.url, { path: '/api/shop.get' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { host } = await startTestHost();
    const answer = await request(host.url, {
      method: 'POST',
      path: '/api/shop.get',
      body: '{}',
      headers: { ...json, host: `attacker.example:${host.port}` },
    });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error.code).toBe('forbidden');
  });

  it('refuses calls made by another web site', async () => {
    const { host, core } = await startTestHost();
    const answer = await request(host.url, {
      method: 'POST',
      path: '/api/shop.update',
      body: JSON.stringify({ name: 'Hijacked' }),
      headers: { ...json, origin: 'https://attacker.example' },
    });
    expect(answer.status).toBe(403);
    expect(core.db.prepare('SELECT count(*) FROM shop_profile').pluck().get()).toBe(0);
  });

  it('answers a failure with 500 and no stack trace', async () => {
    const { host, core } = await startTestHost();
    await core.close();
    const answer = await request(host.url, {
      method: 'POST',
      path: '/api/shop.get',
      body: '{}',
      headers: json,
    });
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: 'internal', message: 'Internal error' },
    });
    expect(answer.body).not.toMatch(/at .*\.ts|better-sqlite3|Error:/);
  });

  it('serves the app with its security headers and refuses paths outside it', async () => {
    const { host } = await startTestHost();
    const page = await request(host.url, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const outside = await request(host.url, { path: '/..%2f..%2f..%2fetc%2fpasswd' });
    expect(outside.status).toBe(404);
  });

  it('refuses event sockets from other sites', async () => {
    const { host } = await startTestHost();
    const url = `${host.url.replace('http', 'ws')}events`;
    const outcome = await new Promise<string>((resolve) => {
      const socket = new WebSocket(url, { origin: 'https://attacker.example' });
      socket.on('open', () => resolve('open'));
      socket.on('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });

  it('will not listen beyond this machine until it has authentication', async () => {
    const core = await createCore({
      databaseFile: `${tempDir()}/shop.sqlite`,
      demo: false,
      modemProfileDirs: [SHIPPED_MODEMS],
    });
    await expect(startHost({ core, rendererDir: tempDir(), host: '0.0.0.0' })).rejects.toThrow(
      HostRefusedError,
    );
    await core.close();
  });
});
