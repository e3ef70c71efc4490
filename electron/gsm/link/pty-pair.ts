import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';

interface PtyPair {
  /** The path an AT client opens, as if it were a modem's port. */
  modemPath: string;
  /** The other end, where the simulated modem listens. */
  simulatorPath: string;
  close(): Promise<void>;
}

/**
 * Two linked pseudo-terminals made by socat, so that a simulated modem is reached through the
 * same serialport code path as real hardware. Linux and macOS only (socat must be installed).
 */
export async function createPtyPair(modemPath: string, timeoutMs = 5000): Promise<PtyPair> {
  const simulatorPath = `${modemPath}.sim`;
  for (const path of [modemPath, simulatorPath]) fs.rmSync(path, { force: true });
  const socat: ChildProcess = spawn(
    'socat',
    [`pty,raw,echo=0,link=${modemPath}`, `pty,raw,echo=0,link=${simulatorPath}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  socat.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => socat.on('exit', () => resolve()));
  const spawnError = new Promise<never>((_, reject) =>
    socat.on('error', (error) =>
      reject(new Error(`Cannot start socat (apt-get install socat): ${error.message}`)),
    ),
  );
  const ready = (async () => {
    const deadline = Date.now() + timeoutMs;
    while (!(fs.existsSync(modemPath) && fs.existsSync(simulatorPath))) {
      if (socat.exitCode !== null) throw new Error(`socat exited: ${stderr.trim()}`);
      if (Date.now() > deadline) throw new Error(`socat made no PTY pair in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  await Promise.race([ready, spawnError]);
  return {
    modemPath,
    simulatorPath,
    async close() {
      if (socat.exitCode === null) socat.kill('SIGTERM');
      await exited;
    },
  };
}
