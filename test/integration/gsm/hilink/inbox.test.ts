/**
 * The inbox of a HiLink stick against the simulated stick on 127.0.0.1: what was on the stick
 * at start, what comes later, and a message the shop could not save, which stays on the stick
 * until it can.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHilinkClient } from '../../../../electron/gsm/hilink/client';
import { createHilinkInbox, type HilinkInbox } from '../../../../electron/gsm/hilink/inbox';
import { openHilinkModem } from '../../../../electron/gsm/hilink/modem';
import {
  type HilinkSimulator,
  startHilinkSimulator,
} from '../../../../electron/gsm/hilink/simulator';
import type { InboxMessage, InboxProblem } from '../../../../electron/gsm/sms';
import { until } from '../../../support/until';

const running: Array<HilinkSimulator | HilinkInbox> = [];
afterEach(async () => {
  for (const item of running.splice(0)) {
    if ('stop' in item) {
      item.stop();
      await item.settled();
    } else await item.close();
  }
});

async function inboxOn(save: (message: InboxMessage) => void) {
  const simulator = await startHilinkSimulator();
  running.push(simulator);
  const modem = await openHilinkModem(createHilinkClient({ url: simulator.url }));
  const inbox = createHilinkInbox(modem.sms, { store: { save }, pollMs: 30 });
  running.push(inbox);
  const heard: InboxMessage[] = [];
  const problems: InboxProblem[] = [];
  inbox.onMessage((message) => heard.push(message));
  inbox.onProblem((problem) => problems.push(problem));
  return { simulator, inbox, heard, problems };
}

describe("a HiLink stick's inbox", () => {
  it('hands over what was on the stick at start, then what comes, each once, and empties it', async () => {
    const saved: InboxMessage[] = [];
    const { simulator, inbox, heard } = await inboxOn((message) => {
      saved.push(message);
    });
    simulator.stick.receiveSms('4012', 'before');
    await inbox.start();
    simulator.stick.receiveSms('4012', 'after');
    await until(
      () => heard.length,
      (count) => count === 2,
      'both messages',
    );
    expect(heard.map((message) => [message.text, message.via])).toEqual([
      ['before', 'startup'],
      ['after', 'sweep'],
    ]);
    expect(saved).toEqual(heard);
    await until(
      () => simulator.stick.smsCount,
      (count) => count === 0,
      'the stick to be empty',
    );
  });

  it('leaves a message it could not save on the stick, and saves it at a later read', async () => {
    let refuse = true;
    const { simulator, inbox, heard, problems } = await inboxOn(() => {
      if (refuse) throw new Error('disk full');
    });
    simulator.stick.receiveSms('4012', 'keep me');
    await inbox.start();
    expect(problems).toEqual([expect.objectContaining({ id: 'save_failed' })]);
    expect(heard).toEqual([]);
    expect(simulator.stick.smsCount).toBe(1);
    refuse = false;
    await until(
      () => heard.length,
      (count) => count === 1,
      'the message to be saved',
    );
    expect(heard[0]?.text).toBe('keep me');
    await until(
      () => simulator.stick.smsCount,
      (count) => count === 0,
      'the stick to be empty',
    );
  });
});
