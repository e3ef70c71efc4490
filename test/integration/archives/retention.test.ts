import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backUp, listBackups } from '../../../electron/store/backups';
import { closedNovember } from '../../support/closures';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();

/** Every file of a folder with its bytes. */
const contentsOf = (folder: string) =>
  Object.fromEntries(
    fs.readdirSync(folder).map((name) => [name, fs.readFileSync(path.join(folder, name))]),
  );

describe('archives are kept: the backup rotation never touches them', () => {
  it('rotates its backups beside the archives folder, and even inside it, leaving every archive', async () => {
    const { manager, core, databaseFile } = await closedNovember(startTestHost);
    await manager.call('archives.create', { period: '2026-11' });
    await manager.call('archives.create', { period: '2026-11' });
    const { folder } = await manager.call('archives.list', {});
    expect(folder).not.toBeNull();
    const archives = contentsOf(folder ?? '');
    expect(Object.keys(archives).sort()).toEqual([
      'comptoir-1-2026-11-2.zip',
      'comptoir-1-2026-11.zip',
    ]);
    const backups = path.join(path.dirname(databaseFile), 'backups');
    // The rotation keeps one backup: each new one removes the one before.
    for (const folderBackedUp of [backups, folder ?? '']) {
      for (const day of [1, 2, 3]) {
        await backUp(core.db, folderBackedUp, {
          now: () => new Date(`2026-12-0${day}T20:00:00Z`),
          keep: 1,
        });
      }
      expect(listBackups(folderBackedUp)).toHaveLength(1);
    }
    const after = contentsOf(folder ?? '');
    for (const [name, bytes] of Object.entries(archives)) expect(after[name]).toEqual(bytes);
    expect((await manager.call('archives.list', {})).archives).toHaveLength(2);
  });
});
