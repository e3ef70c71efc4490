import type { CarrierProfile } from '../shared/carrier';
import type { ShopProfile } from '../shared/shop';
import type { ModemConfig } from './bank/modem-bank';
import type { ShopProfileStore } from './store/shop-profile';
import type { UserStore } from './store/users';

/** The shop a demo starts with, so every screen has something real to show. */
export const demoShopProfile: ShopProfile = {
  name: 'Comptoir Démo — Nouméa',
  address: '12 rue de Sébastopol\n98800 Nouméa',
  country: 'NC',
  phone: '+687 27 12 34',
  taxId: '1234567.001',
  receiptFooter: 'Merci et bon séjour ! · Thank you · 谢谢',
  timeZone: 'Pacific/Noumea',
  currency: 'XPF',
  defaultLanguage: 'fr',
  idleLockMinutes: 5,
};

/** The demo's users: what the README and the login screen's demo hint tell people to type. */
const demoUsers = [
  { name: 'manager', role: 'manager', pin: '9999' },
  { name: 'clerk', role: 'clerk', pin: '1111' },
] as const;

/** A demo starts with its shop and users, unless its practice database has its own already. */
export function seedDemo(shop: ShopProfileStore, users: UserStore): void {
  if (!shop.get()) shop.save(demoShopProfile);
  if (!users.any()) for (const user of demoUsers) users.add(user.name, user.role, user.pin);
}

/** The simulated dealer SIMs' PIN (the simulator's demo carrier expects it). */
export const demoDealerPin = '1234';

/**
 * Simulated modems for each carrier, taking turns as a textbook modem and a Huawei stick: two by
 * default, more to try a bigger bank.
 */
export function demoModems(carriers: readonly CarrierProfile[], perCarrier = 2): ModemConfig[] {
  if (!Number.isInteger(perCarrier) || perCarrier < 1 || perCarrier > 64) {
    throw new RangeError(`A demo bank has 1 to 64 modems per carrier, not ${perCarrier}`);
  }
  return carriers.flatMap((carrier) =>
    Array.from({ length: perCarrier }, (_, index) => ({
      id: `${carrier.id}-sim-${index + 1}`,
      carrierId: carrier.id,
      port: { kind: 'simulated', profile: index % 2 === 0 ? 'generic' : 'huawei' } as const,
    })),
  );
}
