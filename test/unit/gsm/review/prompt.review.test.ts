/**
 * Review finding: nothing in the stack ever sends ESC, so a modem left at the SMS prompt `> `
 * (an AT+CMGS whose body never came: a crash or a kill between prompt and body, a technician's
 * `comptoir at AT+CMGS=20`) takes every later command as message text, for good.
 * Runs the real simulator in-process (memory link), whose input follows 27.005 §3.5.1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAtChannel } from '../../../../electron/gsm/channel';
import { createMemoryLinkPair } from '../../../../electron/gsm/link/memory-link';
import { openModem } from '../../../../electron/gsm/modem';
import { createSimulatedModem, type SimulatedModem } from '../../../../electron/gsm/simulator';

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function simulated() {
  const [client, modemEnd] = createMemoryLinkPair('sim');
  const modem: SimulatedModem = createSimulatedModem(modemEnd);
  stops.push(() => modem.stop());
  return { client, modem };
}

describe('review: a modem left at the SMS prompt', () => {
  it('openModem gets the modem back from a prompt an earlier session left open', async () => {
    const { client } = simulated();
    // The previous run of the app wrote AT+CMGS and died before the body.
    await client.write(Buffer.from('AT+CMGF=0\rAT+CMGS=20\r', 'latin1'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const channel = createAtChannel(client, { timeouts: { quick: 100 }, resyncQuietMs: 5 });
    // Observed: ModemError no_answer — every `AT` is typed into the pending SMS body.
    const modem = await openModem(channel, { sleep: async () => {}, syncTimeoutMs: 100 });
    expect(modem.profile.id).toBe('generic');
  });

  it('the channel leaves the prompt of a command that has no body instead of hanging the port', async () => {
    const { client } = simulated();
    const channel = createAtChannel(client, {
      timeouts: { quick: 100 },
      resyncTimeoutMs: 300,
      resyncQuietMs: 5,
    });
    await channel.run('AT+CMGF=0');
    // The technician's `comptoir at AT+CMGS=20`: the prompt comes, there is no body to write.
    // The channel answers the prompt with ESC, which cancels the message (a modem says OK).
    expect((await channel.run('AT+CMGS=20')).final.kind).toBe('ok');
    const answer = await channel.run('AT+CSQ', { timeoutMs: 300 });
    expect(answer.final.kind).toBe('ok');
  });
});
