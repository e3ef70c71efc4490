import { describe, expect, it } from 'vitest';
import {
  createSmsInbox,
  type InboxMessage,
  querySms,
  SmsQueryTimeoutError,
} from '../../../../electron/gsm/sms';
import { deliver, fakeSim, single } from './fake-sim';

/** A fake SIM whose network answers each sent SMS with `reply(n)` (n counts from 1). */
async function carrier(reply: (sent: number) => Array<{ from: string; text: string }>) {
  let count = 0;
  const sim = fakeSim({
    afterSend: () => {
      count++;
      for (const message of reply(count)) {
        for (const part of deliver({ ...message, concatRef: count })) sim.arrive(part);
      }
    },
  });
  const saved: InboxMessage[] = [];
  const inbox = createSmsInbox(sim.channel, {
    store: { save: (message) => void saved.push(message) },
    incompleteAfterMs: 60_000,
    sweepEveryMs: 0,
  });
  await inbox.start();
  return { sim, inbox, saved };
}

describe('asking a carrier by SMS', () => {
  it('answers with the complete reply of the asked number, not the SMS another sender sent first', async () => {
    const long = `Votre solde est de 1 250 F, valable jusqu’au 31/12. ${'Merci. '.repeat(12)}`;
    const { sim, inbox, saved } = await carrier(() => [
      { from: '+687751234', text: 'Tu passes ce soir ?' },
      { from: '+6874012', text: long },
    ]);
    const reply = await querySms(sim.channel, inbox, {
      to: '4012',
      text: 'CXLL 687123456',
      timeoutMs: 2_000,
    });

    expect(reply).toEqual({
      sender: '+6874012',
      timestamp: '2024-05-01T10:00:00+11:00',
      text: long,
      parts: deliver({ from: '+6874012', text: long }).length,
      truncated: false,
    });
    expect(reply.parts).toBeGreaterThan(1);
    // The other sender's message is the inbox's business: saved and deleted as usual.
    await inbox.settled();
    expect(saved.map((m) => m.sender)).toEqual(['+687751234', '+6874012']);
  });

  it('does not take for the answer a message from that number stored before the question', async () => {
    let answered = false;
    const sim = fakeSim({
      afterSend: () => {
        answered = true;
        sim.arrive(single({ from: '4012', text: 'new reply' }));
      },
    });
    const inbox = createSmsInbox(sim.channel, {
      store: { save: () => {} },
      incompleteAfterMs: 60_000,
      sweepEveryMs: 0,
    });
    // Stored while the app was off, read only once the question is already waiting.
    sim.store(single({ from: '4012', text: 'old reply' }));
    const asking = querySms(sim.channel, inbox, { to: '4012', text: 'SOLDE', timeoutMs: 2_000 });
    await inbox.start();
    expect((await asking).text).toBe('new reply');
    expect(answered).toBe(true);
  });

  it('gives up with SmsQueryTimeoutError when no answer comes', async () => {
    const { sim, inbox } = await carrier(() => [{ from: '+687751234', text: 'pas moi' }]);
    const error = await querySms(sim.channel, inbox, {
      to: '4012',
      text: 'SOLDE',
      timeoutMs: 100,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsQueryTimeoutError);
    expect(error).toMatchObject({ id: 'sms_query_timeout', to: '4012', timeoutMs: 100 });
  });

  it('gives two questions in flight to the same short code one answer each, in order', async () => {
    const { sim, inbox } = await carrier((n) => [{ from: '4012', text: `Reponse ${n}` }]);
    const [first, second] = await Promise.all([
      querySms(sim.channel, inbox, { to: '4012', text: 'SOLDE A', timeoutMs: 2_000 }),
      querySms(sim.channel, inbox, { to: '+6874012', text: 'SOLDE B', timeoutMs: 2_000 }),
    ]);
    expect([first.text, second.text]).toEqual(['Reponse 1', 'Reponse 2']);
    // The second question went out only after the first one had its answer.
    const lines = sim.received;
    const secondSend = lines.lastIndexOf('AT+CMGS=21');
    expect(lines.slice(0, secondSend).some((line) => line.startsWith('AT+CMGR'))).toBe(true);
  });

  it('lets questions to different numbers wait at the same time', async () => {
    const { sim, inbox } = await carrier((n) => [
      { from: n === 1 ? '4012' : '4013', text: `Reponse ${n}` },
    ]);
    const [a, b] = await Promise.all([
      querySms(sim.channel, inbox, { to: '4013', text: 'SOLDE', timeoutMs: 2_000 }),
      querySms(sim.channel, inbox, { to: '4012', text: 'SOLDE', timeoutMs: 2_000 }),
    ]);
    // 4013 asked first but 4012's answer came first: each got its own.
    expect([a.text, b.text]).toEqual(['Reponse 2', 'Reponse 1']);
  });
});
