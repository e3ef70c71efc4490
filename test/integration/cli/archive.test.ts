import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { finished, spawnCli } from '../../support/cli';
import { closedNovember } from '../../support/closures';
import { withTestHosts } from '../../support/host';
import { withTempDirs } from '../../support/temp';

const startTestHost = withTestHosts();
const tempDir = withTempDirs();

/** A machine with no shop on it: an empty data folder, the archive copied into another. */
function cleanMachine(archive: string) {
  const copy = path.join(tempDir(), path.basename(archive));
  fs.copyFileSync(archive, copy);
  return { copy, env: { COMPTOIR_DATA_DIR: tempDir() } };
}

describe('comptoir archive', () => {
  it('writes the archive of a closed month from the database, and it verifies on a clean machine', async () => {
    const { databaseFile } = await closedNovember(startTestHost);
    const database = fs.readFileSync(databaseFile);
    const run = await finished(
      spawnCli(['archive', '--period', '2026-11', '--db', databaseFile, '--json']),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const archive = JSON.parse(run.stdout);
    expect(archive).toMatchObject({
      name: 'comptoir-1-2026-11.zip',
      period: { kind: 'month', period: '2026-11' },
      keepUntil: '2032-12-01',
    });
    expect(path.dirname(archive.file)).toBe(path.join(path.dirname(databaseFile), 'archives'));
    expect(fs.readFileSync(databaseFile).equals(database)).toBe(true);

    const { copy, env } = cleanMachine(archive.file);
    const verified = await finished(spawnCli(['archive', 'verify', copy], env));
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('Receipts: 2, Z reports: 2, closures: 1, audit entries: 6');
    expect(verified.stdout).toContain('Every file and chain holds');
  });

  it('names the first problem of a changed archive and exits 1', async () => {
    const { manager } = await closedNovember(startTestHost);
    const { archive } = await manager.call('archives.create', { period: '2026-11' });
    const { copy, env } = cleanMachine(archive.file);
    const files = unzipSync(fs.readFileSync(copy));
    files['closures.json'] = new TextEncoder().encode(
      new TextDecoder()
        .decode(files['closures.json'])
        .replace('"closedBy": "manager"', '"closedBy": "MANAGER"'),
    );
    fs.writeFileSync(copy, zipSync(files));
    const run = await finished(spawnCli(['archive', 'verify', copy], env));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('BROKEN: closures.json: its SHA-256 is not the manifest’s');
    expect(run.stderr).toContain('does not verify');
  });

  it('refuses a period not closed (exit 1) and a period misnamed (exit 2), writing nothing', async () => {
    const { databaseFile } = await closedNovember(startTestHost);
    const open = await finished(spawnCli(['archive', '--period', '2026-12', '--db', databaseFile]));
    expect(open.code).toBe(1);
    expect(open.stderr).toContain('The month 2026-12 is not closed');
    const misnamed = await finished(
      spawnCli(['archive', '--period', '12-2026', '--db', databaseFile]),
    );
    expect(misnamed.code).toBe(2);
    expect(misnamed.stderr).toContain('--period is a month (YYYY-MM) or a year (YYYY)');
    expect(fs.existsSync(path.join(path.dirname(databaseFile), 'archives'))).toBe(false);
    const missing = await finished(
      spawnCli(['archive', 'verify', path.join(tempDir(), 'none.zip')]),
    );
    expect(missing.code).toBe(2);
  });
});
