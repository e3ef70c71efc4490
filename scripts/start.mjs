// `npm start`: builds, then opens the Electron app where its binary is installed; elsewhere
// (a machine installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, a server) says why and starts the
// browser host instead. Both run the clearly marked demo until the shop has configured modems.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

const build = spawnSync(path.join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary() {
  try {
    const binary = require('electron');
    return fs.existsSync(binary) ? { binary } : { reason: `${binary} does not exist` };
  } catch (error) {
    return { reason: String(error.message).split('\n')[0] };
  }
}

const extra = process.argv.slice(2);
const electron = electronBinary();
const child = electron.binary
  ? spawn(electron.binary, [root, '--auto', ...extra], { stdio: 'inherit' })
  : (() => {
      console.log(
        `No Electron binary on this machine (${electron.reason}).\n` +
          'Starting the browser host instead: open the URL below in a browser.',
      );
      return spawn(
        process.execPath,
        [path.join(root, 'out/main/cli.js'), 'serve', '--auto', ...extra],
        {
          stdio: 'inherit',
        },
      );
    })();

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
