import { expect, test } from 'vitest';
import type { Client } from '../shared/api/client';
import { signedIn } from '../test/support/api';
import { percentile, report } from './report';
import { type BenchShop, renewal, startBenchShop, type TopUpScript } from './shop';

const scripts: readonly TopUpScript[] = ['five-round menu', 'one-round code'];
/** Network rounds of each script: the simulated latency is paid once per round. */
const rounds: Readonly<Record<TopUpScript, number>> = {
  'five-round menu': 5,
  'one-round code': 1,
};

let renewals = 0;

/** Confirms one renewal and waits for its final status; the time it took, in ms. */
async function timedRenewal(clerk: Client): Promise<number> {
  const start = performance.now();
  const { sale } = await clerk.call('sales.renew', renewal(renewals++));
  const elapsed = performance.now() - start;
  if (sale.status !== 'succeeded') throw new Error(`Sale ${sale.id} ended ${sale.status}`);
  return elapsed;
}

/** Runs `sell` on a fresh demo shop, which must log no warning or error meanwhile. */
async function withShop(
  options: Parameters<typeof startBenchShop>[0],
  sell: (shop: BenchShop) => Promise<void>,
): Promise<void> {
  const shop = await startBenchShop(options);
  try {
    await sell(shop);
    expect(shop.problems).toEqual([]);
  } finally {
    await shop.close();
  }
}

const warmUp = 10;
const measured = 100;

test('renewal overhead at zero network latency: confirm to final status', async () => {
  const figures: Record<string, string> = {};
  for (const script of scripts) {
    await withShop({ script, simLatencyMs: 0 }, async (shop) => {
      const paths = { 'in-process dispatcher': shop.inProcess, HTTP: shop.overHttp };
      for (const clerk of Object.values(paths)) {
        for (let i = 0; i < warmUp; i++) await timedRenewal(clerk);
      }
      // One clerk at a time, alternating the two paths so that machine noise falls on both.
      const times = { 'in-process dispatcher': [] as number[], HTTP: [] as number[] };
      for (let i = 0; i < measured; i++) {
        for (const [name, clerk] of Object.entries(paths)) {
          times[name as keyof typeof times].push(await timedRenewal(clerk));
        }
      }
      for (const [name, list] of Object.entries(times)) {
        const sorted = [...list].sort((a, b) => a - b);
        figures[`${script}, ${name}, p50 ms`] = percentile(sorted, 50).toFixed(2);
        figures[`${script}, ${name}, p99 ms`] = percentile(sorted, 99).toFixed(2);
      }
    });
  }
  report(`renewal overhead, ${measured} sequential renewals per path, zero latency`, figures);
});

const latencyMs = 1000;
const modemCounts = [1, 4, 8];
/** Renewals per clerk: ten seconds of selling with the menu, twenty with the code. */
const perClerk: Readonly<Record<TopUpScript, number>> = {
  'five-round menu': 2,
  'one-round code': 20,
};

test('throughput with 1, 4 and 8 simulated modems at 1 s network latency', async () => {
  const figures: Record<string, string> = {};
  const ratios: Record<string, number> = {};
  for (const script of scripts) {
    for (const modems of modemCounts) {
      await withShop({ script, simLatencyMs: latencyMs, simModems: modems }, async (shop) => {
        // One clerk per modem, each renewing as soon as the last sale ended, over HTTP.
        const clerks = [shop.overHttp];
        for (let i = 1; i < modems; i++) {
          clerks.push(await signedIn(shop.host.url, 'clerk', '1111'));
        }
        const start = performance.now();
        const times = await Promise.all(
          clerks.map(async (clerk) => {
            const own: number[] = [];
            for (let i = 0; i < perClerk[script]; i++) own.push(await timedRenewal(clerk));
            return own;
          }),
        );
        const seconds = (performance.now() - start) / 1000;
        const sold = modems * perClerk[script];
        const perSecond = sold / seconds;
        const ratio = perSecond / (0.9 * modems);
        const sorted = times.flat().sort((a, b) => a - b);
        const network = rounds[script] * latencyMs;
        const label = `${script}, ${modems} modem${modems > 1 ? 's' : ''}`;
        figures[`${label}: renewals`] = String(sold);
        figures[`${label}: renewals/s`] = perSecond.toFixed(3);
        figures[`${label}: ratio to 0.9 x modems`] = ratio.toFixed(3);
        figures[`${label}: confirm to final minus network, p50 ms`] = (
          percentile(sorted, 50) - network
        ).toFixed(0);
        figures[`${label}: confirm to final minus network, p99 ms`] = (
          percentile(sorted, 99) - network
        ).toFixed(0);
        ratios[label] = ratio;
      });
    }
  }
  report(`throughput at ${latencyMs} ms simulated latency, one clerk per modem`, figures);
  for (const modems of modemCounts) {
    const label = `one-round code, ${modems} modem${modems > 1 ? 's' : ''}`;
    expect(ratios[label]).toBeGreaterThanOrEqual(1);
  }
});
