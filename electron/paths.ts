import os from 'node:os';
import path from 'node:path';

/**
 * The per-user folder Comptoir keeps its data in: the same folder Electron names `userData` for
 * an app called Comptoir, so the desktop app and `comptoir serve` open the same shop.
 * COMPTOIR_DATA_DIR overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform) {
  if (env.COMPTOIR_DATA_DIR) return env.COMPTOIR_DATA_DIR;
  const home = os.homedir();
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Comptoir');
  }
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Comptoir');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Comptoir');
}

/** Demo mode keeps its own file so a demo never mixes with the shop's real books. */
export function databaseFileIn(dataDir: string, demo: boolean) {
  return path.join(dataDir, demo ? 'comptoir-demo.sqlite' : 'comptoir.sqlite');
}

/**
 * The archives of closed periods, beside the database (the demo's apart: its books are
 * practice). The backup rotation works in its own `backups` folder and never reads this one.
 */
export function archivesFolderOf(databaseFile: string) {
  const demo = path.basename(databaseFile) === path.basename(databaseFileIn('', true));
  return path.join(path.dirname(databaseFile), demo ? 'archives-demo' : 'archives');
}
