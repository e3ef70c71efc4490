import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Client } from '../../shared/api/client';
import { signedIn } from './api';
import { finished, firstLine, spawnCli } from './cli';

/**
 * One shop of a chain as it runs: the built `comptoir serve` in demo mode (simulated modems, its
 * manager 9999 and clerk 1111) on `dir`/shop.sqlite. `kill` ends the process with the signal
 * given (SIGKILL: the power cut); `start` runs it again on the same database, at a new address.
 */
export interface ChainShop {
  name: string;
  databaseFile: string;
  url(): string;
  running(): boolean;
  start(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  manager(): Promise<Client>;
  clerk(): Promise<Client>;
}

export function chainShop(dir: string, name: string): ChainShop {
  const databaseFile = path.join(dir, 'shop.sqlite');
  let child: ChildProcess | null = null;
  let url = '';
  return {
    name,
    databaseFile,
    url: () => url,
    running: () => child !== null,
    async start() {
      if (child) throw new Error(`${name} is already running`);
      const started = spawnCli([
        'serve',
        '--db',
        databaseFile,
        '--demo',
        '--port',
        '0',
        '--sim-latency',
        '0',
        '--json',
      ]);
      child = started;
      url = JSON.parse(await firstLine(started)).url;
    },
    async kill(signal = 'SIGKILL') {
      const running = child;
      child = null;
      if (!running) return;
      const done = finished(running);
      running.kill(signal);
      await done;
    },
    manager: () => signedIn(url, 'manager', '9999'),
    clerk: () => signedIn(url, 'clerk', '1111'),
  };
}
