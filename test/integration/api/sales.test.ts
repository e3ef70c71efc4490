import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { createClient } from '../../../shared/api/client';
import type { EventPayload } from '../../../shared/api/contract';
import { httpTransport } from '../../../shared/api/http-transport';
import { refusal, signedIn, xpf } from '../../support/api';
import { withTestHosts } from '../../support/host';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';

const startTestHost = withTestHosts();

let keys = 0;
const key = () => `api-sale-${Date.now()}-${++keys}`;

describe('selling over the API, on the demo bank', () => {
  it('lists the catalogue, with how its numbers are read, and the simulated modems', async () => {
    const { host } = await startTestHost({ demo: true });
    const api = await signedIn(host.url, 'clerk', '1111');
    const { carriers } = await api.call('catalog.list', {});
    expect(carriers[0]).toMatchObject({
      numberRegion: 'NC',
      msisdnFormat: 'international-digits',
      numberValidation: 'possible',
    });
    expect(carriers[0]?.plans.map((plan) => [plan.id, plan.price])).toEqual([
      ['1go', { amount: 1500, currency: 'XPF' }],
      ['5go', { amount: 6000, currency: 'XPF' }],
      ['20go', { amount: 18000, currency: 'XPF' }],
    ]);
    const { modems } = await api.call('modems.list', {});
    expect(modems.map((modem) => [modem.state, modem.simulated])).toEqual([
      ['ready', true],
      ['ready', true],
    ]);
  });

  it('renews a card with cash and change, pushing progress, and is idempotent', async () => {
    const { host, core } = await startTestHost({ demo: true });
    const api = await signedIn(host.url, 'clerk', '1111');
    const seen: string[][] = [];
    core.events.listen((event, payload) => {
      if (event === 'sales.progress') {
        const { sale } = payload as EventPayload<'sales.progress'>;
        seen.push([sale.idempotencyKey, sale.status]);
      }
    });
    const request = {
      msisdn: '687 12 34 56',
      planId: '5go',
      payment: { method: 'cash' as const, tendered: xpf(10_000) },
      idempotencyKey: key(),
    };
    const { sale } = await api.call('sales.renew', request);
    expect(sale).toMatchObject({
      status: 'succeeded',
      msisdn: '+687123456',
      price: { amount: 6000, currency: 'XPF' },
      payment: { method: 'cash', tendered: xpf(10_000), change: xpf(4000), reference: null },
      dealerBalanceAfter: { amount: expect.any(Number), currency: 'XPF' },
    });
    expect(sale.carrierReference).toMatch(/^TX/);
    // Each step carries the counter's key: that is how its screen follows its own sale.
    expect(seen).toEqual([
      [request.idempotencyKey, 'paid'],
      [request.idempotencyKey, 'sending'],
      [request.idempotencyKey, 'succeeded'],
    ]);
    expect((await api.call('sales.renew', request)).sale).toEqual(sale);
    expect((await api.call('sales.get', { id: sale.id })).sale).toEqual(sale);
    // The same key for another card is refused over HTTP, not answered with this sale.
    const reused = await refusal(api.call('sales.renew', { ...request, msisdn: '687654321' }));
    expect(reused.code).toBe('idempotency_key_reused');
  });

  describe('the same key sent again while its top-up is still running', () => {
    /** sales.renew over plain HTTP, to read the status and headers as any client would. */
    async function renewOverHttp(url: string, token: string, body: object) {
      const response = await fetch(new URL('/api/sales.renew', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: (await response.json()) as {
          sale?: { id: number; status: string };
          error?: { code: string; params?: Record<string, unknown> };
        },
      };
    }
    async function clerkToken(url: string) {
      const response = await fetch(new URL('/api/auth.login', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'clerk', pin: '1111' }),
      });
      return ((await response.json()) as { token: string }).token;
    }
    const sendings = (db: import('better-sqlite3').Database) =>
      db.prepare("SELECT count(*) FROM sale_events WHERE to_status = 'sending'").pluck().get();

    it('answers both calls with the final sale, and tops up once', async () => {
      // The demo network takes 200 ms per USSD step: the second call comes during the first.
      const { host, core } = await startTestHost({ demo: true, simLatencyMs: 200 });
      const token = await clerkToken(host.url);
      const request = {
        msisdn: '687123456',
        planId: '5go',
        payment: { method: 'card', reference: 'TPE-7' },
        idempotencyKey: key(),
      };
      const first = renewOverHttp(host.url, token, request);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const [one, two] = await Promise.all([first, renewOverHttp(host.url, token, request)]);
      expect([one.status, two.status]).toEqual([200, 200]);
      expect(one.body.sale?.status).toBe('succeeded');
      expect(two.body).toEqual(one.body);
      expect(core.db.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(1);
      expect(sendings(core.db)).toBe(1);
    });

    it('answers 409 in_progress with Retry-After once the carrier timeout has passed', async () => {
      const { host, core } = await startTestHost({ demo: true, simLatencyMs: 300 });
      const manager = await signedIn(host.url, 'manager', '9999');
      const { profile } = await manager.call('carriers.get', { id: 'nc-demo' });
      // A retry waits the carrier's top-up timeout (1 s); five steps of 300 ms take longer.
      await manager.call('carriers.save', {
        profile: { ...profile, topUp: { ...profile.topUp, timeoutMs: 1_000 } },
      });
      const token = await clerkToken(host.url);
      const request = {
        msisdn: '687123456',
        planId: '5go',
        payment: { method: 'card' },
        idempotencyKey: key(),
      };
      const first = renewOverHttp(host.url, token, request);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const early = await renewOverHttp(host.url, token, request);
      expect(early.status).toBe(409);
      expect(early.retryAfter).toBe('1');
      expect(early.body.error).toMatchObject({ code: 'in_progress', params: { retryAfter: 1 } });
      const sold = await first;
      expect(sold.body.sale?.status).toBe('succeeded');
      const later = await renewOverHttp(host.url, token, request);
      expect(later).toMatchObject({ status: 200, retryAfter: null, body: sold.body });
      expect(sendings(core.db)).toBe(1);
    });
  });

  it('issues the receipt of each sale with what really happened, chained to the one before', async () => {
    const { host } = await startTestHost({ demo: true });
    const api = await signedIn(host.url, 'clerk', '1111');
    const paid = { method: 'cash' as const, tendered: xpf(10_000) };
    const done = await api.call('sales.renew', {
      msisdn: '687123456',
      planId: '5go',
      payment: paid,
      idempotencyKey: key(),
    });
    const refused = await api.call('sales.renew', {
      msisdn: '687111111',
      planId: '1go',
      payment: paid,
      idempotencyKey: key(),
    });
    expect([done.sale.receiptNumber, refused.sale.receiptNumber]).toEqual([1, 2]);
    const first = await api.call('receipts.get', { number: 1 });
    const second = await api.call('receipts.get', { number: 2 });
    expect(first).toMatchObject({ number: 1, saleId: done.sale.id, copies: 0 });
    expect(second.prevHash).toBe(first.hash);
    // The demo shop prints in French.
    expect(first.text).toContain('5 Go');
    expect(first.text).toMatch(/Client +\+687 [• ]+56/);
    expect(first.text).not.toContain('687123456');
    expect(second.text).toMatch(/rembours/i);
    expect(first.html).toMatch(/^<!doctype html>/i);
    const missing = await refusal(api.call('receipts.get', { number: 99 }));
    expect(missing.code).toBe('not_found');
  });

  it('keeps an outcome whose receipt cannot be issued, and issues that receipt at the next start', async () => {
    const { host, core, databaseFile } = await startTestHost({ demo: true });
    const api = await signedIn(host.url, 'clerk', '1111');
    // This connection's receipt book refuses to write, as a full disk would.
    core.db.exec(`CREATE TEMP TRIGGER no_receipts BEFORE INSERT ON main.receipts
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const { sale } = await api.call('sales.renew', {
      msisdn: '687123456',
      planId: '5go',
      payment: { method: 'card', reference: 'slip-7' },
      idempotencyKey: key(),
    });
    expect(sale).toMatchObject({ status: 'succeeded', receiptNumber: null });
    await host.close();
    await core.close();
    const restarted = await createCore({
      modemProfileDirs: [SHIPPED_MODEMS],
      databaseFile,
      demo: true,
      carrierDirs: [path.resolve(__dirname, '../../../resources/carriers')],
      log: { error: () => {}, warn: () => {}, info: () => {} },
    });
    try {
      const login = await restarted.dispatch('auth.login', { name: 'clerk', pin: '1111' });
      const token = login.ok ? (login.result as { token: string }).token : null;
      expect(await restarted.dispatch('sales.get', { id: sale.id }, token)).toMatchObject({
        ok: true,
        result: { sale: { status: 'succeeded', receiptNumber: 1 } },
      });
    } finally {
      await restarted.close();
    }
  });

  it.each([
    ['a foreign number', { msisdn: '+33 6 12 34 56 78' }, 'msisdn'],
    ['text with AT control characters', { msisdn: '687123456"\r\nATD112;' }, 'msisdn'],
    ['an unknown plan', { planId: '50go' }, 'planId'],
    [
      'cash below the price',
      { payment: { method: 'cash', tendered: xpf(100) } },
      'payment.tendered',
    ],
  ])('refuses %s with a field issue and writes nothing', async (_label, change, path) => {
    const { host, core } = await startTestHost({ demo: true });
    const api = await signedIn(host.url, 'clerk', '1111');
    const error = await refusal(
      api.call('sales.renew', {
        msisdn: '687123456',
        planId: '5go',
        payment: { method: 'cash', tendered: xpf(10_000) },
        idempotencyKey: key(),
        ...change,
      } as never),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.[0]?.path).toBe(path);
    expect(core.db.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(0);
  });

  it('lists sales newest first, by status, by number and by time', async () => {
    const { host } = await startTestHost({ demo: true });
    const api = await signedIn(host.url, 'clerk', '1111');
    const paid = { method: 'card' as const, reference: 'slip-1' };
    const before = new Date().toISOString();
    const a = await api.call('sales.renew', {
      msisdn: '687123456',
      planId: '1go',
      payment: paid,
      idempotencyKey: key(),
    });
    const b = await api.call('sales.renew', {
      msisdn: '687111111',
      planId: '1go',
      payment: paid,
      idempotencyKey: key(),
    });
    const c = await api.call('sales.renew', {
      msisdn: '687123456',
      planId: '5go',
      payment: paid,
      idempotencyKey: key(),
    });
    const ids = (list: { sales: { id: number }[] }) => list.sales.map((sale) => sale.id);
    expect(ids(await api.call('sales.list', {}))).toEqual([c.sale.id, b.sale.id, a.sale.id]);
    expect(ids(await api.call('sales.list', { status: 'failed' }))).toEqual([b.sale.id]);
    expect(ids(await api.call('sales.list', { msisdn: '+687123456' }))).toEqual([
      c.sale.id,
      a.sale.id,
    ]);
    expect(ids(await api.call('sales.list', { from: before, to: before }))).toEqual([]);
    const error = await refusal(api.call('sales.list', { msisdn: '687123456' }));
    expect(error.issues?.[0]?.path).toBe('msisdn');
  });

  it('needs a signed-in user to sell, and a manager to resolve', async () => {
    const { host } = await startTestHost({ demo: true });
    const anonymous = createClient(httpTransport({ baseUrl: host.url }));
    expect((await refusal(anonymous.call('catalog.list', {}))).code).toBe('unauthorized');
    const clerk = await signedIn(host.url, 'clerk', '1111');
    const error = await refusal(
      clerk.call('sales.resolve', { id: 1, outcome: 'failed', reason: 'checked' }),
    );
    expect(error.code).toBe('forbidden');
  });
});
