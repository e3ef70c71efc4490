import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { startSimulatorOnPty } from '../electron/gsm/simulator';
import { percentile, report } from './report';

const answer = 'Solde revendeur: 250 000 XPF';
const runs = 5;

interface Timing {
  /** From spawning the process to the answer appearing on its output. */
  toAnswerMs: number;
  /** From spawning to the process exiting. */
  toExitMs: number;
}

/** Spawns a client process and times it until the USSD answer shows, and until it exits. */
function timeClient(command: string, args: string[]): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let toAnswerMs: number | null = null;
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const listen = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (toAnswerMs === null && output.includes(answer)) toAnswerMs = performance.now() - start;
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
    child.on('error', reject);
    child.on('close', () => {
      if (toAnswerMs === null) reject(new Error(`${command} gave no answer:\n${output}`));
      else resolve({ toAnswerMs, toExitMs: performance.now() - start });
    });
  });
}

test('cold `comptoir ussd` against `gammu getussd`, same simulated modem, zero latency', async () => {
  const cli = path.resolve(__dirname, '../out/main/cli.js');
  if (!fs.existsSync(cli)) throw new Error('Run `npm run build` first: this times the built CLI');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-bench-'));
  const simulator = await startSimulatorOnPty({
    profile: 'generic',
    linkPath: path.join(dir, 'tty'),
  });
  const rc = path.join(dir, 'gammurc');
  fs.writeFileSync(rc, `[gammu]\ndevice = ${simulator.modemPath}\nconnection = at\n`);
  try {
    const ours: Timing[] = [];
    const gammu: Timing[] = [];
    for (let run = 0; run < runs; run++) {
      ours.push(
        await timeClient(process.execPath, [
          cli,
          'ussd',
          '--port',
          simulator.modemPath,
          '*100#',
          '--json',
        ]),
      );
      gammu.push(await timeClient('gammu', ['-c', rc, 'getussd', '*100#']));
    }
    const median = (timings: Timing[], key: keyof Timing) =>
      percentile(
        timings.map((t) => t[key]).sort((a, b) => a - b),
        50,
      );
    const ratio = median(gammu, 'toAnswerMs') / median(ours, 'toAnswerMs');
    report(`cold USSD, median of ${runs} alternating runs`, {
      'comptoir ussd, spawn to answer, ms': median(ours, 'toAnswerMs').toFixed(0),
      'comptoir ussd, spawn to exit, ms': median(ours, 'toExitMs').toFixed(0),
      'gammu getussd, spawn to answer, ms': median(gammu, 'toAnswerMs').toFixed(0),
      'gammu getussd, spawn to exit, ms': median(gammu, 'toExitMs').toFixed(0),
      'gammu / comptoir (to answer)': ratio.toFixed(1),
    });
    expect(ratio).toBeGreaterThanOrEqual(10);
  } finally {
    await simulator.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
