import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export interface ServedHost {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the built `comptoir serve` on a free port, as a shop would run it; `env` adds to its
 * environment (test settings such as COMPTOIR_TEST_DEVICE_TREE).
 */
export async function serve(
  databaseFile: string,
  extra: string[] = [],
  env: Record<string, string> = {},
): Promise<ServedHost> {
  const cli = path.resolve(__dirname, '../../out/main/cli.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, 'serve', '--db', databaseFile, '--port', '0', '--json', ...extra],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } },
  );
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk) => {
      buffered += chunk;
      const end = buffered.indexOf('\n');
      if (end >= 0) resolve(JSON.parse(buffered.slice(0, end)).url);
    });
    child.on('exit', (code) => reject(new Error(`comptoir serve exited with ${code}`)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
