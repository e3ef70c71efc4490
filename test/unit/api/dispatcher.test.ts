import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from '../../../electron/api/dispatcher';
import { ApiError } from '../../../shared/api/errors';

const quiet = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };

function handlers(overrides: Partial<Handlers>): Handlers {
  const unused = () => {
    throw new Error('not called in this test');
  };
  return { 'app.info': unused, 'shop.get': unused, 'shop.update': unused, ...overrides };
}

describe('the dispatcher', () => {
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
      log,
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
      log,
    );
    expect(await dispatch('shop.get', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('contract'), expect.anything());
  });
});
