import { describe, expect, it } from 'vitest';
import { createPinGuard, pinGuardRules } from '../../../electron/auth/pin-guard';

describe('the wrong-PIN counts', () => {
  it('keep a locked name however many other names are guessed after it', () => {
    let clock = 0;
    const guard = createPinGuard(() => new Date(clock));
    for (let attempt = 0; attempt < pinGuardRules.lockAfter; attempt++) {
      guard.failed(`machine-${attempt}`, 'Manager');
    }
    for (let guess = 0; guess < 5000; guess++) guard.failed(`other-${guess}`, `name-${guess}`);
    clock += pinGuardRules.forgetAfterMs;
    expect(guard.isLocked('manager')).toBe(true);
    expect(guard.locked()).toEqual(['manager']);
  });

  it('forget a client once it has typed no wrong PIN for a while', () => {
    let clock = 0;
    const guard = createPinGuard(() => new Date(clock));
    for (let attempt = 0; attempt < 10; attempt++) guard.failed('counter-2', 'clerk');
    expect(guard.isClean('counter-2')).toBe(false);
    expect(() => guard.admit('counter-2')).toThrow(/try again/);
    clock += pinGuardRules.forgetAfterMs;
    expect(guard.isClean('counter-2')).toBe(true);
    expect(() => guard.admit('counter-2')).not.toThrow();
  });
});
