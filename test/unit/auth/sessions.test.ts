import { describe, expect, it } from 'vitest';
import { createSessions } from '../../../electron/auth/sessions';
import type { User } from '../../../shared/user';

const clerk: User = { id: 2, name: 'clerk', role: 'clerk' };
const sessionsOnClock = () => createSessions({ now: () => new Date(0), idleMs: () => 60_000 });

describe('sessions bound to their till', () => {
  it('stands for its user at the till it was signed in at, and for nobody at another', () => {
    const sessions = sessionsOnClock();
    const token = sessions.open(clerk, 'counter-2');
    expect(sessions.use(token, 'counter-2')).toEqual({ user: clerk });
    expect(sessions.use(token, 'hub-till')).toBeNull();
    expect(sessions.peek(token, 'counter-3')).toBeNull();
  });

  it('ends every session signed in at a revoked counter, and only those', () => {
    const sessions = sessionsOnClock();
    const atCounter = sessions.open(clerk, 'counter-2');
    const atHub = sessions.open(clerk, 'hub-till');
    sessions.closeAllAt('counter-2');
    expect(sessions.use(atCounter, 'counter-2')).toBe('ended');
    expect(sessions.use(atHub, 'hub-till')).toEqual({ user: clerk });
  });
});
