import type { Database } from 'better-sqlite3';
import type { ShopProfile } from '../../shared/shop';

interface ShopProfileRow {
  name: string;
  address: string;
  country: string;
  phone: string;
  tax_id: string;
  receipt_footer: string;
  time_zone: string;
  currency: string;
  default_language: string;
  idle_lock_minutes: number;
  till_name: string;
  legal_name: string;
}

export interface ShopProfileStore {
  get(): ShopProfile | null;
  save(profile: ShopProfile): void;
}

// Rows are written only from validated profiles; reading them back is checked again by the
// contract's output schema before they leave the core.
export function shopProfileStore(db: Database, now: () => Date): ShopProfileStore {
  const select = db.prepare<[], ShopProfileRow>('SELECT * FROM shop_profile WHERE id = 1');
  const upsert = db.prepare(`
    INSERT INTO shop_profile (id, name, address, country, phone, tax_id, receipt_footer,
      time_zone, currency, default_language, idle_lock_minutes, till_name, legal_name, updated_at)
    VALUES (1, @name, @address, @country, @phone, @taxId, @receiptFooter, @timeZone, @currency,
      @defaultLanguage, @idleLockMinutes, @tillName, @legalName, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address,
      country = excluded.country, phone = excluded.phone, tax_id = excluded.tax_id,
      receipt_footer = excluded.receipt_footer, time_zone = excluded.time_zone,
      currency = excluded.currency, default_language = excluded.default_language,
      idle_lock_minutes = excluded.idle_lock_minutes,
      till_name = excluded.till_name, legal_name = excluded.legal_name, updated_at = excluded.updated_at`);
  return {
    get() {
      const row = select.get();
      if (!row) return null;
      return {
        name: row.name,
        address: row.address,
        country: row.country,
        phone: row.phone,
        taxId: row.tax_id,
        receiptFooter: row.receipt_footer,
        timeZone: row.time_zone,
        currency: row.currency as ShopProfile['currency'],
        defaultLanguage: row.default_language as ShopProfile['defaultLanguage'],
        idleLockMinutes: row.idle_lock_minutes,
        tillName: row.till_name,
        legalName: row.legal_name,
      };
    },
    save(profile) {
      upsert.run({ ...profile, updatedAt: now().toISOString() });
    },
  };
}
