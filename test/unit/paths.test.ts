import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archivesFolderOf, databaseFileIn, defaultDataDir } from '../../electron/paths';

describe('where data lives', () => {
  it('follows Electron’s userData folder on each system', () => {
    const home = os.homedir();
    expect(defaultDataDir({}, 'linux')).toBe(path.join(home, '.config', 'Comptoir'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(
      path.join('/cfg', 'Comptoir'),
    );
    expect(defaultDataDir({}, 'darwin')).toBe(
      path.join(home, 'Library', 'Application Support', 'Comptoir'),
    );
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(
      path.join('C:\\Users\\a\\AppData\\Roaming', 'Comptoir'),
    );
  });

  it('can be moved with COMPTOIR_DATA_DIR', () => {
    expect(defaultDataDir({ COMPTOIR_DATA_DIR: '/srv/shop' }, 'linux')).toBe('/srv/shop');
  });

  it('keeps the demo apart from the real books', () => {
    expect(databaseFileIn('/d', false)).not.toBe(databaseFileIn('/d', true));
  });

  it('keeps archives beside the database, the demo’s apart', () => {
    expect(archivesFolderOf(databaseFileIn('/d', false))).toBe(path.join('/d', 'archives'));
    expect(archivesFolderOf(databaseFileIn('/d', true))).toBe(path.join('/d', 'archives-demo'));
    expect(archivesFolderOf('/srv/shop.sqlite')).toBe(path.join('/srv', 'archives'));
  });
});
