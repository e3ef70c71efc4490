import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const builtCli = path.resolve(__dirname, '../../out/main/cli.js');

/** Runs the built command line (`npm run build` first), as a shop technician would. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  if (!fs.existsSync(builtCli)) {
    throw new Error(`${builtCli} is missing: run \`npm run build\` before these tests`);
  }
  return spawn(process.execPath, [builtCli, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Resolves with the first line the process prints on stdout. */
export function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk) => {
      buffered += chunk;
      const end = buffered.indexOf('\n');
      if (end >= 0) resolve(buffered.slice(0, end));
    });
    child.on('close', (code) => reject(new Error(`exited with ${code} before printing a line`)));
  });
}
