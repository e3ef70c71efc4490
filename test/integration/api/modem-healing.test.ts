/**
 * A manager's hand on the modem bank's health through the API, on the demo's simulated modems:
 * a modem's timeline, a healing step, out of service and back (kept across a restart), and the
 * power-cycle command, checked before it is kept.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../../electron/core';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';

const tempDir = withTempDirs();
const quiet = { error: () => {}, warn: () => {}, info: () => {} };

function openCore(databaseFile: string) {
  return createCore({
    databaseFile,
    demo: true,
    carrierDirs: [path.resolve(__dirname, '../../../resources/carriers')],
    modemProfileDirs: [SHIPPED_MODEMS],
    log: quiet,
  });
}

async function tokenOf(core: Core, name: string, pin: string) {
  const outcome = await core.dispatch('auth.login', { name, pin });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return (outcome.result as { token: string }).token;
}

/** Calls as `token`; the answer, or the error's code. */
async function call(core: Core, token: string, name: string, input: unknown) {
  const outcome = await core.dispatch(name as never, input, token);
  return outcome.ok
    ? outcome.result
    : { refused: outcome.error.code, issues: outcome.error.issues };
}

const modemId = 'nc-demo-sim-1';

async function stateOf(core: Core, token: string) {
  const { modems } = (await call(core, token, 'modems.list', {})) as {
    modems: Array<{ id: string; state: string; problem: string | null }>;
  };
  return modems.find((modem) => modem.id === modemId);
}

const eventsOf = async (core: Core, token: string) =>
  (
    (await call(core, token, 'modems.timeline', { id: modemId })) as {
      entries: { event: string }[];
    }
  ).entries.map((entry) => entry.event);

describe('the modem bank’s health, for a manager', () => {
  it('runs a step, keeps the timeline, and a modem taken out of service stays out across a restart', async () => {
    const databaseFile = path.join(tempDir(), 'shop.sqlite');
    const core = await openCore(databaseFile);
    const manager = await tokenOf(core, 'manager', '9999');
    const clerk = await tokenOf(core, 'clerk', '1111');
    expect(await eventsOf(core, manager)).toEqual(['opened']);

    expect(
      await call(core, manager, 'modems.heal', { id: modemId, step: 'power-cycle' }),
    ).toMatchObject({ refused: 'conflict' });
    expect(await call(core, manager, 'modems.heal', { id: modemId, step: 'resync' })).toEqual({});
    await until(
      () => eventsOf(core, manager),
      (events) => events.includes('healed'),
      'the resync',
    );
    expect(await eventsOf(core, manager)).toEqual(['opened', 'resync', 'healed']);

    expect(
      await call(core, manager, 'modems.setInService', { id: modemId, inService: false }),
    ).toEqual({});
    expect(await stateOf(core, manager)).toMatchObject({
      state: 'out-of-service',
      problem: 'Taken out of service by a manager',
    });
    expect(await call(core, manager, 'modems.heal', { id: modemId, step: 'reset' })).toMatchObject({
      refused: 'conflict',
    });
    // Clerks see the state, not the manager's tools.
    expect(await call(core, clerk, 'modems.timeline', { id: modemId })).toMatchObject({
      refused: 'forbidden',
    });
    expect(
      await call(core, clerk, 'modems.setInService', { id: modemId, inService: true }),
    ).toMatchObject({
      refused: 'forbidden',
    });
    await core.close();

    const again = await openCore(databaseFile);
    const back = await tokenOf(again, 'manager', '9999');
    expect(await stateOf(again, back)).toMatchObject({ state: 'out-of-service' });
    await call(again, back, 'modems.setInService', { id: modemId, inService: true });
    await until(
      () => stateOf(again, back),
      (modem) => modem?.state === 'ready',
      'back in service',
    );
    expect(await eventsOf(again, back)).toEqual([
      'opened',
      'resync',
      'healed',
      'out-of-service',
      'in-service',
      'opened',
    ]);
    await again.close();
  });

  it('keeps a power-cycle command that runs without a shell, and refuses anything else', async () => {
    const core = await openCore(path.join(tempDir(), 'shop.sqlite'));
    const manager = await tokenOf(core, 'manager', '9999');
    const uhubctl = { program: 'uhubctl', args: ['-l', '1-1', '-p', '3', '-a', 'cycle'] };
    expect(await call(core, manager, 'modems.getPowerCycle', { id: modemId })).toEqual({
      command: null,
    });
    expect(
      await call(core, manager, 'modems.setPowerCycle', { id: modemId, command: uhubctl }),
    ).toEqual({});
    const refusedCases: Array<[unknown, string]> = [
      [{ program: 'uhubctl -p 3', args: [] }, 'command.program'],
      [{ program: 'bin/cycle', args: [] }, 'command.program'],
      [{ program: '', args: [] }, 'command.program'],
      [{ program: '/usr/sbin/uhubctl', args: ['-p', '3\nreboot'] }, 'command.args.1'],
      [{ program: '/usr/sbin/uhubctl', args: [], shell: true }, 'command'],
    ];
    for (const [command, field] of refusedCases) {
      const answer = (await call(core, manager, 'modems.setPowerCycle', {
        id: modemId,
        command,
      })) as {
        refused: string;
        issues: Array<{ path: string }>;
      };
      expect(answer.refused, field).toBe('invalid_input');
      expect(answer.issues[0]?.path, field).toBe(field);
    }
    expect(await call(core, manager, 'modems.getPowerCycle', { id: modemId })).toEqual({
      command: uhubctl,
    });
    expect(
      await call(core, manager, 'modems.setPowerCycle', { id: 'modem-9', command: null }),
    ).toMatchObject({
      refused: 'not_found',
    });
    expect(
      await call(core, manager, 'modems.setPowerCycle', { id: modemId, command: null }),
    ).toEqual({});
    expect(await call(core, manager, 'modems.getPowerCycle', { id: modemId })).toEqual({
      command: null,
    });
    await core.close();
  });
});
