import type { CarrierProfile } from '../shared/carrier';
import type { DemoCard } from '../shared/demo-cards';
import type { ShopProfile } from '../shared/shop';
import type { ModemConfig } from './bank/modem-bank';
import type { CarrierBehaviour } from './gsm/simulator/carrier';
import { DEMO_CARRIER } from './gsm/simulator/demo-carrier';
import type { ShopProfileStore } from './store/shop-profile';
import type { UserStore } from './store/users';

/** The shop a demo starts with, so every screen has something real to show. */
export const demoShopProfile: ShopProfile = {
  name: 'Comptoir Démo — Nouméa',
  legalName: 'Comptoir Démo SARL',
  address: '12 rue de Sébastopol\n98800 Nouméa',
  country: 'NC',
  phone: '+687 27 12 34',
  taxId: '1234567.001',
  receiptFooter: 'Merci et bon séjour ! · Thank you · 谢谢',
  timeZone: 'Pacific/Noumea',
  currency: 'XPF',
  defaultLanguage: 'fr',
  idleLockMinutes: 5,
  tillName: '1',
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

/** Below this share of its plan's data left, a card is the demo's "low data" card. */
const lowDataShare = 0.25;

/**
 * The cards a simulated network knows, each with what it does when tried: read from the network's
 * own record, so the demo banner says what the simulator will really do.
 */
export function describeDemoCards(network: CarrierBehaviour): DemoCard[] {
  const silent = new Set(network.ussd.silentTopUps.customers);
  return network.customers.map((customer) => {
    const planMb = network.plans.find((plan) => plan.name === customer.plan)?.dataMb;
    const kind: DemoCard['kind'] = silent.has(customer.number)
      ? 'never-confirmed'
      : customer.validForDays < 0
        ? 'expired'
        : planMb !== undefined && customer.remainingMb < planMb * lowDataShare
          ? 'low-data'
          : 'known';
    return {
      number: customer.number,
      kind,
      plan: customer.plan,
      remainingMb: customer.remainingMb,
      validForDays: customer.validForDays,
    };
  });
}

/** The demo's cards: those of the network its in-process simulated modems answer as. */
export const demoCards = (): DemoCard[] => describeDemoCards(DEMO_CARRIER);
