import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from '../../../electron/api/dispatcher';
import { procedures } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';

const quietLog = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
const manager = { id: 1, name: 'manager', role: 'manager' as const };
const clerk = { id: 2, name: 'clerk', role: 'clerk' as const };
const hubTill = { id: 'hub-till-1', name: '1', kind: 'hub' as const };
const counterTill = { id: 'counter-2', name: 'Counter 2', kind: 'counter' as const };

/** Tokens "manager" and "clerk" sign in those users; the shop has users unless told. */
function options(log = quietLog, hasUsers = true) {
  return {
    log,
    sessionOf: (token: string | null) =>
      token === 'manager' ? { user: manager } : token === 'clerk' ? { user: clerk } : null,
    hasUsers: () => hasUsers,
    tillOf: (device: string | null) =>
      device === null ? hubTill : device === counterTill.id ? counterTill : null,
  };
}
const quiet = options();

function handlers(overrides: Partial<Handlers>): Handlers {
  const unused = () => {
    throw new Error('not called in this test');
  };
  const all = Object.fromEntries(Object.keys(procedures).map((name) => [name, unused]));
  return { ...(all as unknown as Handlers), ...overrides };
}

describe('the dispatcher', () => {
  it('calls at the till of the paired counter, or the hub’s, and refuses a device no longer paired', async () => {
    const tills: unknown[] = [];
    const dispatch = createDispatcher(
      handlers({
        'tills.list': (_input, caller) => {
          tills.push(caller.till);
          return { tills: [hubTill, counterTill], current: caller.till, drawers: 'per_till' };
        },
      }),
      quiet,
    );
    await dispatch('tills.list', {}, 'clerk', 'http:127.0.0.1');
    await dispatch('tills.list', {}, 'clerk', 'https:127.0.0.3', counterTill.id);
    expect(tills).toEqual([hubTill, counterTill]);
    expect(await dispatch('tills.list', {}, 'clerk', 'https:127.0.0.3', 'revoked-1')).toEqual({
      ok: false,
      error: { code: 'device_unpaired', message: expect.any(String) },
    });
    expect(tills).toHaveLength(2);
  });

  it('does not run the handler when the input is invalid', async () => {
    const update = vi.fn();
    const dispatch = createDispatcher(handlers({ 'shop.update': update }), quiet);
    const outcome = await dispatch('shop.update', { name: 'x' });
    expect(outcome.ok).toBe(false);
    expect(update).not.toHaveBeenCalled();
  });

  it('refuses extra fields on a procedure that takes none', async () => {
    const dispatch = createDispatcher(handlers({ 'shop.get': () => ({ profile: null }) }), quiet);
    expect(await dispatch('shop.get', { sneaky: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('passes on the code of an ApiError raised by a handler', async () => {
    const dispatch = createDispatcher(
      handlers({
        'shop.get': () => {
          throw new ApiError('not_found', 'No shop yet');
        },
      }),
      quiet,
    );
    expect(await dispatch('shop.get', {})).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No shop yet' },
    });
  });

  it('hides unexpected failures behind "internal" and logs them', async () => {
    const log = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
    const dispatch = createDispatcher(
      handlers({
        'shop.get': () => {
          throw new TypeError('secret detail at /home/shop/db');
        },
      }),
      options(log),
    );
    expect(await dispatch('shop.get', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Internal error' },
    });
    expect(log.error).toHaveBeenCalled();
  });

  it('never lets out an answer that breaks the contract', async () => {
    const log = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
    const dispatch = createDispatcher(
      handlers({ 'shop.get': () => ({ profile: { name: 'half a profile' } }) as never }),
      options(log),
    );
    expect(await dispatch('shop.get', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('contract'), expect.anything());
  });

  it('asks a caller without a session to sign in, and a clerk to fetch a manager', async () => {
    const update = vi.fn();
    const dispatch = createDispatcher(
      handlers({ 'shop.update': update, 'auth.logout': () => ({}) }),
      quiet,
    );
    expect(await dispatch('auth.logout', {})).toMatchObject({ error: { code: 'unauthorized' } });
    expect(await dispatch('shop.update', {}, 'clerk')).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(await dispatch('auth.logout', {}, 'not-a-session')).toMatchObject({
      error: { code: 'unauthorized' },
    });
    expect(await dispatch('auth.logout', {}, 'clerk')).toEqual({ ok: true, result: {} });
    expect(update).not.toHaveBeenCalled();
  });

  it('tells a caller whose session ended to sign in again, and runs nothing', async () => {
    const update = vi.fn();
    const dispatch = createDispatcher(handlers({ 'shop.update': update }), {
      ...quiet,
      sessionOf: () => 'ended' as const,
    });
    expect(await dispatch('shop.update', {}, 'ended-token')).toMatchObject({
      ok: false,
      error: { code: 'session_expired' },
    });
    expect(update).not.toHaveBeenCalled();
  });

  it('opens the setup procedures to anyone while the shop has no user yet', async () => {
    const dispatch = createDispatcher(handlers({}), options(quietLog, false));
    expect(await dispatch('shop.update', {})).toMatchObject({ error: { code: 'invalid_input' } });
  });
});
