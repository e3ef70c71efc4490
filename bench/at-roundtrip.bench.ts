import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { expect, test } from 'vitest';
import { createAtChannel } from '../electron/gsm/channel';
import { createPtyPair } from '../electron/gsm/link/pty-pair';
import { openSerialLink } from '../electron/gsm/link/serial-link';
import { percentile, report } from './report';

const roundTrips = 1000;

/** The same trivial modem for both loops: every AT\r is answered \r\nOK\r\n at once. */
async function okResponder(simulatorPath: string) {
  const link = await openSerialLink({ path: simulatorPath });
  let pending = '';
  link.onData((chunk) => {
    pending += Buffer.from(chunk).toString('latin1');
    let end = pending.indexOf('\r');
    while (end >= 0) {
      pending = pending.slice(end + 1);
      void link.write(Buffer.from('\r\nOK\r\n'));
      end = pending.indexOf('\r');
    }
  });
  return link;
}

async function rawLoop(modemPath: string): Promise<number[]> {
  const port = new SerialPort({ path: modemPath, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  const times: number[] = [];
  let buffer = '';
  let waiting: (() => void) | null = null;
  port.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    if (buffer.includes('OK\r\n')) {
      buffer = '';
      waiting?.();
    }
  });
  for (let i = 0; i < roundTrips; i++) {
    const start = performance.now();
    await new Promise<void>((resolve) => {
      waiting = resolve;
      port.write('AT\r');
    });
    times.push(performance.now() - start);
  }
  await new Promise<void>((resolve) => port.close(() => resolve()));
  return times;
}

async function channelLoop(modemPath: string): Promise<number[]> {
  const channel = createAtChannel(await openSerialLink({ path: modemPath }));
  const times: number[] = [];
  for (let i = 0; i < roundTrips; i++) {
    const start = performance.now();
    const answer = await channel.run('AT');
    if (answer.final.kind !== 'ok') throw new Error('AT did not answer OK');
    times.push(performance.now() - start);
  }
  await channel.close();
  return times;
}

const total = (times: number[]) => times.reduce((sum, t) => sum + t, 0);

test('1000 sequential AT round trips: our channel against bare serialport, same PTY pair', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-bench-'));
  const pair = await createPtyPair(path.join(dir, 'ttyBench'));
  const responder = await okResponder(pair.simulatorPath);
  try {
    // Alternate the two loops so that machine noise falls on both alike.
    const raw: number[][] = [];
    const ours: number[][] = [];
    for (let round = 0; round < 3; round++) {
      raw.push(await rawLoop(pair.modemPath));
      ours.push(await channelLoop(pair.modemPath));
    }
    const best = (runs: number[][]) => runs.reduce((a, b) => (total(a) < total(b) ? a : b));
    const rawBest = best(raw);
    const oursBest = best(ours);
    const sortedRaw = [...rawBest].sort((a, b) => a - b);
    const sortedOurs = [...oursBest].sort((a, b) => a - b);
    const ratio = total(oursBest) / total(rawBest);
    report('AT round trips over a PTY pair (best of 3 alternating runs)', {
      'bare serialport, total ms': total(rawBest).toFixed(0),
      'bare serialport, median ms': percentile(sortedRaw, 50).toFixed(3),
      'our channel, total ms': total(oursBest).toFixed(0),
      'our channel, median ms': percentile(sortedOurs, 50).toFixed(3),
      'our channel, p99 ms': percentile(sortedOurs, 99).toFixed(3),
      'ours / raw': ratio.toFixed(3),
    });
    expect(ratio).toBeLessThan(1.25);
  } finally {
    await responder.close();
    await pair.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
