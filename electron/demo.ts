import type { ShopProfile } from '../shared/shop';

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
};

/** The demo's users: what the README and the login screen's demo hint tell people to type. */
export const demoUsers = [
  { name: 'manager', role: 'manager', pin: '9999' },
  { name: 'clerk', role: 'clerk', pin: '1111' },
] as const;
