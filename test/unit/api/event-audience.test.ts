import { describe, expect, it } from 'vitest';
import { mayHear } from '../../../electron/api/event-audience';
import { type EventName, events } from '../../../shared/api/contract';

const manager = { id: 1, name: 'Marie', role: 'manager' as const };
const seller = { id: 2, name: 'Léa', role: 'clerk' as const };
const otherClerk = { id: 3, name: 'Wei', role: 'clerk' as const };

// Only what each rule reads: the payloads are the bus's, checked against the contract before.
const saleByLea = { sale: { clerkId: seller.id } };
const shopSaved = { profile: {} };
const modems = { modems: [] };

describe('who hears each event', () => {
  it.each([
    ['sales.progress', saleByLea, manager, true],
    ['sales.progress', saleByLea, seller, true],
    ['sales.progress', saleByLea, otherClerk, false],
    ['shop.updated', shopSaved, manager, true],
    ['shop.updated', shopSaved, otherClerk, true],
    ['modems.status', modems, manager, true],
    ['modems.status', modems, otherClerk, true],
    ['modems.floats', { floats: [] }, manager, true],
    ['modems.floats', { floats: [] }, otherClerk, true],
    ['app.databaseDamaged', {}, manager, true],
    ['app.databaseDamaged', {}, otherClerk, true],
    ['app.hubConnection', { reachable: false }, otherClerk, true],
  ] as const)('%s as sent to %o: %s', (event, payload, user, expected) => {
    expect(mayHear(user, event, payload as never)).toBe(expected);
  });

  it('has a rule for every event of the contract', () => {
    const decided = new Set<EventName>([
      'sales.progress',
      'shop.updated',
      'modems.status',
      'modems.floats',
      'app.databaseDamaged',
      'app.hubConnection',
    ]);
    expect(new Set(Object.keys(events))).toEqual(decided);
  });
});
