import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { AtNotSentError } from '../../../../electron/gsm/channel';
import { createHilinkClient } from '../../../../electron/gsm/hilink/client';
import { HilinkError, HilinkExchangeError } from '../../../../electron/gsm/hilink/errors';
import { openHilinkModem } from '../../../../electron/gsm/hilink/modem';
import {
  type HilinkSimulator,
  startHilinkSimulator,
} from '../../../../electron/gsm/hilink/simulator';
import { createHilinkUssdSession } from '../../../../electron/gsm/hilink/ussd';
import { childText } from '../../../../electron/gsm/hilink/xml';
import { runUssdDialogue, UssdBusyError } from '../../../../electron/gsm/ussd';

const simulators: HilinkSimulator[] = [];
afterEach(async () => {
  for (const simulator of simulators.splice(0)) await simulator.close();
});

async function stick(options: Parameters<typeof startHilinkSimulator>[0] = {}) {
  const simulator = await startHilinkSimulator(options);
  simulators.push(simulator);
  return simulator;
}

/** A POST as a client that kept an old token would send it. */
function postWithToken(url: string, path: string, cookie: string, token: string) {
  return new Promise<string>((resolve, reject) => {
    const request = http.request(new URL(path, url), {
      method: 'POST',
      headers: { Cookie: cookie, __RequestVerificationToken: token },
    });
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve(body));
    });
    request.on('error', reject);
    request.end('<?xml version="1.0" encoding="UTF-8"?><request></request>');
  });
}

describe('the HiLink client against the simulated stick on 127.0.0.1', () => {
  it('serves only loopback', async () => {
    const simulator = await stick();
    expect(new URL(simulator.url).hostname).toBe('127.0.0.1');
  });

  it('reads the stick and its SIM: IMEI, ICCID, IMSI, signal, operator, registration', async () => {
    const simulator = await stick();
    const modem = await openHilinkModem(createHilinkClient({ url: simulator.url }));
    expect(modem.identity).toMatchObject({
      manufacturer: 'huawei',
      model: 'E3372h-320',
      imei: '867000000000017',
      iccid: '8968700000000000017',
      imsi: '546010000000017',
    });
    expect(await modem.signal()).toEqual({ csq: 23, dbm: -67, bars: 4 });
    expect(await modem.operator()).toBe('NC Mobile Demo');
    expect(await modem.registration()).toEqual({ state: 'registered-home', technology: 'lte' });
    simulator.stick.setRegistered(false);
    expect((await modem.registration()).state).toBe('searching');
  });

  it('spends one token per POST and takes the next from the answer; a spent one is refused', async () => {
    const simulator = await stick();
    const client = createHilinkClient({ url: simulator.url });
    for (let i = 0; i < 3; i++) await client.post('/api/ussd/release', {});
    // Three POSTs on one session fetched once: each used the token the answer before handed.
    expect(simulator.requests.filter((r) => r.endsWith('SesTokInfo'))).toHaveLength(1);

    const first = simulator.stick.sessionToken(null);
    const cookie = `SessionID=${first.session}`;
    expect(await postWithToken(simulator.url, '/api/ussd/release', cookie, first.token)).toContain(
      '<response>OK</response>',
    );
    expect(await postWithToken(simulator.url, '/api/ussd/release', cookie, first.token)).toContain(
      '<code>125002</code>',
    );
  });

  it('fetches a new session when the stick forgot its own, and asks once more', async () => {
    const simulator = await stick();
    const client = createHilinkClient({ url: simulator.url });
    await client.post('/api/ussd/release', {});
    simulator.stick.forgetSessions();
    await expect(client.post('/api/ussd/release', {})).resolves.toBeDefined();
    expect(simulator.requests.filter((r) => r.endsWith('SesTokInfo'))).toHaveLength(2);
  });

  it('talks to an older stick that has no token page, without a session', async () => {
    const simulator = await stick({ tokenless: true });
    const client = createHilinkClient({ url: simulator.url });
    const modem = await openHilinkModem(client);
    expect(modem.identity.iccid).toBe('8968700000000000017');
    await client.post('/api/ussd/release', {});
    await client.post('/api/ussd/release', {});
    // The token page was asked once: its absence is remembered, not asked before each request.
    expect(simulator.requests.filter((r) => r.endsWith('SesTokInfo'))).toHaveLength(1);
  });

  it('refuses an answer far larger than any a stick gives', async () => {
    const server = http.createServer((_, response) => {
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      response.end(`<response><content>${'x'.repeat(2 * 1024 * 1024)}</content></response>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const failure = await createHilinkClient({ url: `http://127.0.0.1:${port}` })
        .get('/api/device/information')
        .catch((error: unknown) => error);
      expect(failure).toMatchObject({ reason: 'bad-answer' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("gives the stick's refusal as a typed error with its code", async () => {
    const simulator = await stick();
    const client = createHilinkClient({ url: simulator.url });
    const refusal = await client.get('/api/nothing/here').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HilinkError);
    expect(refusal).toMatchObject({ code: 100002, kind: 'not-supported' });
  });

  it('says a stick that is gone is unreachable, not that it refused', async () => {
    const simulator = await stick();
    const { url } = simulator;
    await simulator.close();
    simulators.splice(0);
    const failure = await createHilinkClient({ url, timeoutMs: 1000 })
      .get('/api/device/information')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HilinkExchangeError);
    expect(failure).toMatchObject({ reason: 'unreachable', mayHaveArrived: false });
  });

  it('runs the demo carrier top-up menu: pending answers are waited for, the menu is a menu', async () => {
    const simulator = await stick({ networkLatencyMs: 150 });
    const client = createHilinkClient({ url: simulator.url });
    const ussd = createHilinkUssdSession(client, { pollMs: 30 });
    const dialogue = await runUssdDialogue(ussd, '*123#', ['1', '687123456', '2', '1234'], 5000);
    expect(dialogue.steps.map((step) => step.text)).toEqual([
      '1 Recharge forfait\n2 Solde',
      'Numéro client ?',
      'Forfait ? 1=1Go 2=5Go 3=20Go',
      'Code PIN revendeur ?',
      expect.stringMatching(/^Recharge 5Go OK pour 687123456\. Réf TX48213\./),
    ]);
    expect(dialogue.status).toBe('done');
    expect(ussd.active).toBe(false);
    // Pending at least once before each answer: the 150 ms network answered after polls.
    const gets = simulator.requests.filter((r) => r === 'GET /api/ussd/get').length;
    expect(gets).toBeGreaterThan(5);
    expect(simulator.stick.network.snapshot().topUps).toHaveLength(1);
  });

  it('a top-up the network never answers times out, holds the line, and is never sent again', async () => {
    const simulator = await stick({ ussdTimeoutMs: 60_000 });
    const client = createHilinkClient({ url: simulator.url });
    const ussd = createHilinkUssdSession(client, { pollMs: 30, lateAnswerMs: 400 });
    const freed: number[] = [];
    ussd.onLineFreed(() => freed.push(Date.now()));
    const step = await ussd.start('*123*687999999*2*1234#', 200, { secret: true });
    expect(step).toMatchObject({ status: 'timeout', sent: '•'.repeat(22) });
    expect(ussd.lateAnswerWaitMs()).toBeGreaterThan(0);
    await expect(ussd.start('*100#', 200)).rejects.toThrow(/earlier USSD request may still come/);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(freed).toHaveLength(1);
    expect(ussd.lateAnswerWaitMs()).toBe(0);
    expect(simulator.requests.filter((r) => r === 'POST /api/ussd/send')).toHaveLength(1);
    // The line released after the wait: the next request goes through.
    expect((await ussd.start('*100#', 2000)).text).toMatch(/^Solde revendeur: /);
  });

  it('a request that never reached the stick, or that it refused as busy, was not sent', async () => {
    const simulator = await stick();
    const ussd = createHilinkUssdSession(createHilinkClient({ url: simulator.url }), {
      pollMs: 20,
    });
    simulator.stick.setAnswering(false);
    await expect(ussd.start('*100#', 500)).rejects.toBeInstanceOf(UssdBusyError);
    expect(ussd.lateAnswerWaitMs()).toBe(0);
    await simulator.close();
    simulators.splice(0);
    await expect(ussd.start('*100#', 500)).rejects.toBeInstanceOf(AtNotSentError);
    expect(ussd.lateAnswerWaitMs()).toBe(0);
    expect(ussd.active).toBe(false);
  });

  it('a late answer that does come frees the line at once', async () => {
    const simulator = await stick({ networkLatencyMs: 300 });
    const ussd = createHilinkUssdSession(createHilinkClient({ url: simulator.url }), {
      pollMs: 20,
      lateAnswerMs: 10_000,
    });
    let freed = false;
    ussd.onLineFreed(() => {
      freed = true;
    });
    expect((await ussd.start('*100#', 100)).status).toBe('timeout');
    for (let i = 0; i < 50 && !freed; i++) await new Promise((r) => setTimeout(r, 20));
    expect(freed).toBe(true);
    expect(ussd.lateAnswerWaitMs()).toBe(0);
  });

  it('sends, lists and deletes SMS: the carrier answers a balance query into the stick', async () => {
    const simulator = await stick();
    const modem = await openHilinkModem(createHilinkClient({ url: simulator.url }));
    await modem.sms.sendText('4012', 'CXLL 687123456');
    const [reply] = await modem.sms.list();
    expect(reply).toMatchObject({ phone: '4012', content: expect.stringMatching(/^Forfait 5Go/) });
    await modem.sms.remove(reply?.index ?? 0);
    expect(await modem.sms.list()).toEqual([]);
    const again = await modem.sms.remove(reply?.index ?? 0).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(HilinkError);
  });

  it('reads every page of a full inbox', async () => {
    const simulator = await stick();
    for (let i = 0; i < 45; i++) simulator.stick.receiveSms('4012', `message ${i}`);
    const modem = await openHilinkModem(createHilinkClient({ url: simulator.url }));
    const listed = await modem.sms.list();
    expect(listed.map((message) => message.content)).toEqual(
      Array.from({ length: 45 }, (_, i) => `message ${i}`),
    );
  });

  it('a stick that stops answering closes the modem, once', async () => {
    const simulator = await stick();
    const modem = await openHilinkModem(createHilinkClient({ url: simulator.url, timeoutMs: 500 }));
    const closed: string[] = [];
    modem.onClosed((error) => closed.push(error.name));
    await simulator.close();
    simulators.splice(0);
    await expect(modem.signal()).rejects.toBeInstanceOf(HilinkExchangeError);
    await expect(modem.operator()).rejects.toThrow(/closed/);
    expect(closed).toEqual(['HilinkExchangeError']);
  });

  it('escapes what it writes: an SMS text with markup reaches the network as typed', async () => {
    const simulator = await stick();
    const client = createHilinkClient({ url: simulator.url });
    const modem = await openHilinkModem(client);
    await modem.sms.sendText('4012', 'CXLL <687123456> & co');
    const [reply] = await modem.sms.list();
    expect(reply?.content).toMatch(/inconnu/);
    expect(childText(await client.get('/api/ussd/status'), 'result')).toBe('0');
  });
});
