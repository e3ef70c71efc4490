import { describe, expect, it } from 'vitest';
import { type Actor, formatActor, parseActor, userActor } from '../../../shared/user';

describe('an actor as the books store it', () => {
  it.each<[string, Actor, string]>([
    ['a clerk', { kind: 'user', role: 'clerk', userId: 1 }, 'clerk:1'],
    ['a manager', { kind: 'user', role: 'manager', userId: 42 }, 'manager:42'],
    ['a modem', { kind: 'modem', modemId: 'modem-1' }, 'modem:modem-1'],
    ['a demo modem', { kind: 'modem', modemId: 'nc-demo-sim-2' }, 'modem:nc-demo-sim-2'],
    ['the carrier’s SMS', { kind: 'carrier-sms', modemId: 'modem-1' }, 'carrier-sms:modem-1'],
    ['the app itself', { kind: 'system' }, 'system'],
  ])('%s is written %s and read back', (_who, actor, text) => {
    expect(formatActor(actor)).toBe(text);
    expect(parseActor(text)).toEqual(actor);
  });

  it('writes a manager so that the day report’s `manager:%` finds their settlements', () => {
    const text = formatActor(userActor({ id: 3, name: 'Marie', role: 'manager' }));
    expect(text).toMatch(/^manager:/);
  });

  it('reads a modem the journal named by its bare id before `modem:` existed', () => {
    expect(parseActor('modem-1')).toEqual({ kind: 'modem', modemId: 'modem-1' });
  });

  it.each([
    ['nothing', ''],
    ['a role with no id', 'clerk:'],
    ['an id that is not a number', 'manager:two'],
    ['an id of zero', 'clerk:0'],
    ['a negative id', 'clerk:-1'],
    ['an id with a fraction', 'clerk:1.5'],
    ['an id with a leading zero', 'clerk:01'],
    ['an unknown role', 'owner:1'],
    ['an unknown kind', 'printer:counter'],
    ['a modem with no id', 'modem:'],
    ['a modem id in capitals', 'modem:Modem-1'],
    ['a modem id with a space', 'carrier-sms:modem 1'],
    ['a bare word in capitals', 'System'],
    ['a user by name', 'Marie'],
    ['a trailing space', 'system '],
    ['a second colon', 'modem:modem:1'],
  ])('refuses %s (%j)', (_label, text) => {
    expect(parseActor(text)).toBeNull();
  });
});
