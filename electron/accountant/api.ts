import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { ShopProfile } from '../../shared/shop';
import type { Handlers } from '../api/dispatcher';
import type { Permit } from '../auth/permissions';
import type { ShopProfileStore } from '../store/shop-profile';
import { type AccountantBooks, createAccountantBooks } from './books';
import { journalCsv, summaryCsv } from './csv';
import { journalEntries } from './journal';
import { periodWindow } from './period-window';

const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The journal and its summary of some receipts, as the files an export hands back. */
export function journalFiles(
  receipts: ReturnType<AccountantBooks['issuedIn']>,
  stem: string,
  profile: Pick<ShopProfile, 'timeZone' | 'currency'>,
) {
  const entries = journalEntries(receipts);
  return [
    {
      name: `${stem}-journal.csv`,
      mediaType: 'text/csv',
      base64: utf8(journalCsv(entries, profile.timeZone)),
    },
    {
      name: `${stem}-journal-summary.csv`,
      mediaType: 'text/csv',
      base64: utf8(summaryCsv(entries, profile.currency)),
    },
  ];
}

/** The accountant's export: a day's, month's or year's sales journal and its summary. */
export function accountantHandlers(deps: {
  db: Database;
  deviceId: string;
  shop: ShopProfileStore;
  permit: Permit;
}): Pick<Handlers, 'accountant.export'> {
  const books = createAccountantBooks(deps.db, deps.deviceId);
  return {
    'accountant.export': ({ kind, period, manager }, caller) => {
      deps.permit('export', caller, manager);
      const profile = deps.shop.get();
      if (!profile) throw new ApiError('conflict', 'Set the shop profile up first');
      const window = periodWindow(kind, period, profile.timeZone);
      if (!window) {
        throw new ApiError('invalid_input', `Not a ${kind}: ${period}`, [
          {
            path: 'period',
            code: 'period_format',
            message: {
              day: 'A day is YYYY-MM-DD',
              month: 'A month is YYYY-MM',
              year: 'A year is YYYY',
            }[kind],
          },
        ]);
      }
      // The shop's journal: every till's receipts, each row naming its till.
      const receipts = books.issuedAtEveryTill(window.from, window.to);
      return { files: journalFiles(receipts, period, profile) };
    },
  };
}
