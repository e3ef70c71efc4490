import { afterEach, describe, expect, it } from 'vitest';
import { createHilinkClient } from '../../../electron/gsm/hilink/client';
import { openHilinkModem } from '../../../electron/gsm/hilink/modem';
import { createHilinkUssdSession } from '../../../electron/gsm/hilink/ussd';
import { finished, firstLine, spawnCli } from '../../support/cli';

const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('`comptoir simulate --hilink`', () => {
  it('serves a simulated HiLink stick on 127.0.0.1 until stopped', async () => {
    const child = spawnCli(['simulate', '--hilink', '--json']);
    const done = finished(child);
    stops.push(() => {
      child.kill('SIGINT');
      return done;
    });
    const { hilink } = JSON.parse(await firstLine(child));
    expect(new URL(hilink).hostname).toBe('127.0.0.1');
    const modem = await openHilinkModem(createHilinkClient({ url: hilink }));
    expect(modem.identity).toMatchObject({ model: 'E3372h-320', iccid: '8968700000000000017' });
    child.kill('SIGINT');
    expect((await done).code).toBe(0);
  });

  it('stops at once on Ctrl+C, even with a USSD menu left open', async () => {
    const child = spawnCli(['simulate', '--hilink', '--json']);
    const done = finished(child);
    stops.push(() => {
      child.kill('SIGINT');
      return done;
    });
    const { hilink } = JSON.parse(await firstLine(child));
    const ussd = createHilinkUssdSession(createHilinkClient({ url: hilink }), { pollMs: 20 });
    expect((await ussd.start('*123#', 3000)).status).toBe('menu');
    const stopping = Date.now();
    child.kill('SIGINT');
    expect((await done).code).toBe(0);
    // The network would close the menu after 90 s: that timer does not hold the process.
    expect(Date.now() - stopping).toBeLessThan(5000);
  });

  it('refuses a port that is not one', async () => {
    const { code, stderr } = await finished(spawnCli(['simulate', '--hilink', '--port', 'x']));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--port N is a TCP port/);
  });
});
