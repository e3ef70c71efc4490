/**
 * Shipped migrations are history: a database in a shop has already run them, so an edit would
 * never reach it. A change to the schema is a new migration. This test holds each shipped
 * file's hash; a new migration is added here when it ships.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frozenMigrationProblems, migrationHash } from '../../support/frozen-migrations';

const shipped: Record<string, string> = {
  '0001-shop-profile.ts': '8e3c6d4f52cdf25ea9dac6732ac20e405836c9378a2f65480d4a349c94c19d55',
  '0002-renewal-journal.ts': '083802942e0f559cf0850b2eb3fe57efb2470609b1ab587cca9c34be2a054fae',
  '0003-modem-bank.ts': 'bc5f1d86a5643f688331d9573f092316c7758d69f00d8a23c887a98e97d03f6c',
  '0004-shifts.ts': 'c122a6e165bac937a59afc7dbe2c46e4adba0e3387fce28a563ceeb000e19168',
  '0005-printers.ts': '05f119a9deaa7aa8a73869b3b9e6de91618021e272c8f616f30c69e05d698fa9',
  '0006-sms-and-balance-checks.ts':
    '47a6d635d481a8be9600d9c485f0f1efd37e4c17db9b2ab4b86408d44ef9ca20',
  '0007-idle-lock.ts': 'f1eb947310689b0f3fc483be18a2736cd9813d8c7f0e5a3fb9bb767a8c9998f3',
  '0008-refunds-by-time.ts': '1facf90d66fa6407d068ce5271fe9978fbb3e9314b0d1266c1418df45926ad7e',
  '0009-sale-payment-and-settlement.ts':
    '71a897078789c6ba24be678f88b5794cf19e6296226a62e27c2c80bf461da003',
  '0010-z-report-prints.ts': 'fc065918c8f0d64d9b53ddcbd754b9799ca763d64b48139eceee15becbdb364f',
  '0011-pending-receipts.ts': 'e81951ac822d6078e9d38d0657c45b4d2f13d99189667954975d4c87a7899d95',
  '0012-modem-sims.ts': '70b3e5a6cf1d96f0903a47a2ef71dc955851ff43f585e175163d75767fae6d7f',
  '0013-modem-timeline.ts': '62933e6782e336e3b52220e1bd0ac86b803ad9862cff8d749fb599f80a0be47f',
  '0014-dealer-floats.ts': '29b00bc0215973b1ef74d56adf2253a2baac16798edcc508220596fe340fe9c8',
  '0015-receipt-language-sms-and-drawer.ts':
    '2b6a6fc416a3ceb44b0891c20ed563f58bc707c05ac17fea5d7bfa6dbbcc0a50',
  '0016-till-name.ts': '547cf5e62bafb1eb75cece753eca4821a1a50a1b8f49a8b609a60b2ad4b33193',
  '0017-sale-tax-rate.ts': '9760e4e18c320bf5ad27297814f713355318a89b63089d29b4c62e0883ed9562',
  '0018-shop-legal-name.ts': '268a455ecf766bfdaf76ea386b465557b208fcb9ec82d37c05a4d273e8a0bc7d',
  '0019-period-closures.ts': '016842417070bc7cf6878206e942e3c3720c090069c991d4b0d33574f5eccd41',
  '0020-audit-trail.ts': '345bbebea27385e560063f2245f725676d1edc271492b3ab38ce39f5bd8bf8ee',
  '0021-permissions.ts': '3ea9a27ff255ae21837c30c45a51145f4aeadbaee8f408d940f246d291aae9ee',
  '0022-period-closure-prints.ts':
    'd09e4cabd24416ef3f3728ab6efcfac2b10521ce304a648a87e972632838da03',
  '0023-counters.ts': 'd5cc66bdd953290cda9292d945926430401a17ded98d62d55752f0614f27e524',
  '0024-sales-and-shifts-at-tills.ts':
    '45a9b59a794bfc48a07dda95be020cf9f5b787325a2266f8da9b3523f56409e2',
  '0025-head-office.ts': '36bc4589254bffe2caba8ff11c22efc2bfc43eecddd01eb0e548f29208ccf364',
};

const folder = path.resolve(__dirname, '../../../electron/store/migrations');

/** Every numbered migration file (index.ts only lists them). */
function migrationFiles(): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(folder)
      .filter((name) => /^\d{4}-.+\.ts$/.test(name))
      .map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8')]),
  );
}

describe('shipped migrations are frozen', () => {
  it('finds every shipped migration as it shipped, and none unrecorded', () => {
    expect(Object.keys(migrationFiles())).toHaveLength(Object.keys(shipped).length);
    expect(frozenMigrationProblems(migrationFiles(), shipped)).toEqual([]);
  });

  describe('the check itself', () => {
    const files = migrationFiles();

    it('refuses an edited migration: the change is a new migration', () => {
      const edited = { ...files, '0004-shifts.ts': `${files['0004-shifts.ts']}\n// tidied` };
      expect(frozenMigrationProblems(edited, shipped)).toEqual([
        expect.stringMatching(/^0004-shifts\.ts changed after it shipped.*a new migration\.$/),
      ]);
    });

    it('asks for the hash of a new migration, giving it', () => {
      const text = 'export const migration9999 = {};\n';
      const grown = { ...files, '9999-next.ts': text };
      expect(frozenMigrationProblems(grown, shipped)).toEqual([
        `9999-next.ts is a new migration with no hash yet: add '9999-next.ts': '${migrationHash(text)}' to the shipped migrations in test/unit/store/migrations-frozen.test.ts.`,
      ]);
    });

    it('refuses a shipped migration removed', () => {
      const { '0007-idle-lock.ts': _removed, ...fewer } = files;
      expect(frozenMigrationProblems(fewer, shipped)).toEqual([
        expect.stringMatching(/^0007-idle-lock\.ts was shipped and is gone/),
      ]);
    });

    it('reads a Windows checkout’s line ends as the same file', () => {
      const text = files['0001-shop-profile.ts'] ?? '';
      expect(migrationHash(text.replace(/\n/g, '\r\n'))).toBe(migrationHash(text));
    });
  });
});
