import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoShopProfile } from '../../../electron/demo';
import { writePdf } from '../../../electron/printers/pdf-file';
import { backUp, restoreBackup } from '../../../electron/store/backups';
import { openDatabase } from '../../../electron/store/database';
import { keyFileSealer } from '../../../electron/store/dealer-pins';
import { shopProfileStore } from '../../../electron/store/shop-profile';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

// Windows has no owner/group/other modes (Node reports 0o666 or 0o444 there): the shop's
// files are kept private by the per-user profile folder instead, so there is nothing to check.
describe.skipIf(process.platform === 'win32')(
  'the files Comptoir creates are its user’s only',
  () => {
    it('creates the database, its -wal and -shm 0600 in a 0700 folder', () => {
      const dir = path.join(tempDir(), 'Comptoir');
      const file = path.join(dir, 'comptoir.sqlite');
      const { db } = openDatabase(file);
      try {
        shopProfileStore(db, () => new Date()).save(demoShopProfile);
        expect(modeOf(dir)).toBe(0o700);
        for (const name of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(name)).toBe(0o600);
      } finally {
        db.close();
      }
    });

    it('creates the backups 0600 in a 0700 folder, and restores a database 0600', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'comptoir.sqlite');
      const folder = path.join(dir, 'backups');
      const { db } = openDatabase(file);
      const backup = await backUp(db, folder, { now: () => new Date(), keep: 5 });
      db.close();
      expect(modeOf(folder)).toBe(0o700);
      expect(modeOf(backup.file)).toBe(0o600);

      // A backup taken by an earlier Comptoir is world-readable; the database put back is not.
      fs.chmodSync(backup.file, 0o644);
      restoreBackup(backup.file, file, () => new Date());
      expect(modeOf(file)).toBe(0o600);
    });

    it('creates the folder of the dealer PINs’ key 0700', () => {
      const folder = path.join(tempDir(), 'Comptoir');
      keyFileSealer(path.join(folder, 'comptoir-secrets.key'));
      expect(modeOf(folder)).toBe(0o700);
    });

    it('writes receipt PDFs 0600 in a 0700 folder', () => {
      const folder = path.join(tempDir(), 'receipts');
      const pdf = writePdf(folder, 'receipt-POS-1-1.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46]));
      expect(modeOf(folder)).toBe(0o700);
      expect(modeOf(pdf)).toBe(0o600);
    });
  },
);
