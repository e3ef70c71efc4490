/**
 * Debian's gammu, a real third-party AT client, against the simulator on a pseudo-terminal:
 * if gammu can identify the modem, read a USSD answer and send an SMS, the simulator speaks
 * enough of the AT dialect that real software expects. Skipped (with the reason in its name)
 * where gammu is not installed; CI installs it.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import { decodePdu } from '../../../../electron/gsm/codecs';
import { startSimulatorOnPty } from '../../../../electron/gsm/simulator';
import { demoCardValidUntil } from '../../../support/demo-card';

const hasGammu = spawnSync('gammu', ['--version'], { encoding: 'utf8' }).status === 0;
// The tests run concurrently, so each one's simulator, socat and temp folder are cleaned up by
// its own afterEach (a shared list would let a fast test remove a slow one's port).
const cleanups = new Map<string, Array<() => Promise<void> | void>>();

afterEach(async ({ task }) => {
  for (const cleanup of (cleanups.get(task.id) ?? []).reverse()) await cleanup();
  cleanups.delete(task.id);
});

function onCleanup(context: TestContext, cleanup: () => Promise<void> | void): void {
  cleanups.set(context.task.id, [...(cleanups.get(context.task.id) ?? []), cleanup]);
}

/** Starts a simulator for this test and writes a gammurc pointing gammu at its port. */
async function simulatorForGammu(context: TestContext, profile: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-gammu-'));
  onCleanup(context, () => fs.rmSync(dir, { recursive: true, force: true }));
  const simulator = await startSimulatorOnPty({ profile, linkPath: path.join(dir, 'ttyModem') });
  onCleanup(context, () => simulator.stop());
  const rc = path.join(dir, 'gammurc');
  fs.writeFileSync(rc, `[gammu]\ndevice = ${simulator.modemPath}\nconnection = at\n`);
  return { simulator, rc };
}

function gammu(rc: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('gammu', ['-c', rc, ...args], { timeout: 45_000 }, (error, stdout, stderr) => {
      if (error)
        reject(new Error(`gammu ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
      else resolve(`${stdout}${stderr}`);
    });
  });
}

const GAMMU_TIMEOUT = 60_000;

describe
  .skipIf(!hasGammu)
  .concurrent(
    hasGammu
      ? 'gammu drives the simulator'
      : "gammu drives the simulator (skipped: Debian's gammu is not installed)",
    () => {
      it(
        'identifies the generic modem: manufacturer, model, IMEI, IMSI',
        async (context) => {
          const { rc } = await simulatorForGammu(context, 'generic');
          const output = await gammu(rc, 'identify');
          expect(output).toMatch(/Manufacturer\s+: Comptoir/);
          expect(output).toMatch(/Model\s+: .*SIM-1 simulated modem/);
          expect(output).toMatch(/IMEI\s+: 356938035643809/);
          expect(output).toMatch(/SIM IMSI\s+: 546010123456789/);
        },
        GAMMU_TIMEOUT,
      );

      it(
        'identifies the Huawei profile as a Huawei E3372',
        async (context) => {
          const { rc } = await simulatorForGammu(context, 'huawei');
          const output = await gammu(rc, 'identify');
          expect(output).toMatch(/Manufacturer\s+: Huawei/);
          expect(output).toMatch(/Model\s+: E3372/);
          expect(output).toMatch(/IMEI\s+: 356938035643809/);
        },
        GAMMU_TIMEOUT,
      );

      it(
        'reads the dealer balance by USSD (gammu sends it as UCS2 hex)',
        async (context) => {
          const { rc } = await simulatorForGammu(context, 'generic');
          const output = await gammu(rc, 'getussd', '*100#');
          expect(output).toMatch(/Status\s+: No action needed/);
          expect(output).toMatch(/Service reply\s+: "Solde revendeur: 250 000 XPF"/);
        },
        GAMMU_TIMEOUT,
      );

      it(
        'reads the dealer balance by USSD from a Huawei (gammu packs it as GSM 7-bit hex)',
        async (context) => {
          const { rc } = await simulatorForGammu(context, 'huawei');
          const output = await gammu(rc, 'getussd', '*100#');
          expect(output).toMatch(/Service reply\s+: "Solde revendeur: 250 000 XPF"/);
        },
        GAMMU_TIMEOUT,
      );

      it(
        'sends the balance query by SMS, and the carrier answers in two UCS2 parts',
        async (context) => {
          const { rc, simulator } = await simulatorForGammu(context, 'generic');
          const output = await gammu(rc, 'sendsms', 'TEXT', '4012', '-text', 'CXLL 687123456');
          expect(output).toMatch(/OK, message reference=\d+/);
          const deadline = Date.now() + 5000;
          while (simulator.modem.state.messages.length < 2 && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          const parts = simulator.modem.state.messages.map((message) =>
            decodePdu(message.pdu, { tpduLength: message.tpduLength }),
          );
          expect(parts.map((part) => part.type === 'SMS-DELIVER' && part.sender)).toEqual([
            '4012',
            '4012',
          ]);
          expect(parts.map((part) => part.text).join('')).toContain(
            `Forfait 5Go : il vous reste 3,2 Go valables jusqu'au ${demoCardValidUntil().french}.`,
          );
        },
        GAMMU_TIMEOUT,
      );
    },
  );
