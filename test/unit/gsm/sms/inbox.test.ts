import { describe, expect, it, vi } from 'vitest';
import {
  createSmsInbox,
  type InboxMessage,
  type InboxProblem,
  type SmsInboxOptions,
} from '../../../../electron/gsm/sms';
import { vectorsOf } from '../codecs/vectors';
import { deliver, fakeSim, manualClock, OK, single, tick } from './fake-sim';

const BALANCE =
  'Votre solde est de 1 250 F. Crédit valable jusqu’au 31/12. 余额查询 ' +
  'Merci de votre fidélité, composez le 4012 pour plus d’informations sur vos forfaits.';

function setUp(sim: ReturnType<typeof fakeSim>, options: Partial<SmsInboxOptions> = {}) {
  const clock = manualClock();
  const saved: InboxMessage[] = [];
  const events: InboxMessage[] = [];
  const problems: InboxProblem[] = [];
  const inbox = createSmsInbox(sim.channel, {
    store: { save: (message) => void saved.push(message) },
    now: clock.now,
    incompleteAfterMs: 60_000,
    sweepEveryMs: 0,
    ...options,
  });
  inbox.onMessage((message) => events.push(message));
  inbox.onProblem((problem) => problems.push(problem));
  return { inbox, clock, saved, events, problems };
}

/** Lets arrivals reach the inbox, then waits for its work. */
async function settle(inbox: { settled(): Promise<void> }) {
  await tick();
  await inbox.settled();
  await tick();
  await inbox.settled();
}

function after(lines: readonly string[], first: string, then: string): boolean {
  const a = lines.indexOf(first);
  const b = lines.indexOf(then);
  return a >= 0 && b > a;
}

describe('the inbox', () => {
  it('turns on PDU mode, SIM storage and +CMTI announcements, then lists what is stored', async () => {
    const sim = fakeSim();
    const { inbox } = setUp(sim);
    const setup = await inbox.start();
    expect(setup).toMatchObject({ mode: 'stored', storage: { used: 0, total: 30 } });
    expect(sim.received).toEqual([
      'AT+CMGF=0',
      'AT+CPMS="SM","SM","SM"',
      'AT+CNMI=2,1,0,0,0',
      'AT+CMGL=4',
    ]);
  });

  it('reads a message announced by +CMTI with AT+CMGR, saves it, then deletes it', async () => {
    const sim = fakeSim();
    const { inbox, saved, events } = setUp(sim);
    await inbox.start();
    const index = sim.arrive(single({ from: '+6874012', text: 'Solde: 1 250 F' }));
    await settle(inbox);

    expect(events).toHaveLength(1);
    expect(saved).toEqual(events);
    expect(saved[0]).toMatchObject({
      indexes: [index],
      sender: '+6874012',
      timestamp: '2024-05-01T10:00:00+11:00',
      text: 'Solde: 1 250 F',
      encoding: 'gsm7',
      complete: true,
      error: null,
    });
    expect(after(sim.received, `AT+CMGR=${index}`, `AT+CMGD=${index}`)).toBe(true);
    expect(sim.slots.size).toBe(0);
  });

  it('takes a message delivered directly by +CMT without reading or deleting anything', async () => {
    const sim = fakeSim();
    const { inbox, saved } = setUp(sim);
    await inbox.start();
    sim.direct(single({ from: '4012', text: 'Votre solde: 500 F', smsc: '+687390000' }));
    await settle(inbox);

    expect(saved).toMatchObject([
      { sender: '4012', text: 'Votre solde: 500 F', smsc: '+687390000', indexes: [] },
    ]);
    expect(sim.received.some((line) => /^AT\+CMG[RD]|^AT\+CNMA/.test(line))).toBe(false);
  });

  it('acknowledges a +CMT with AT+CNMA only when told the modem wants it', async () => {
    const sim = fakeSim();
    const { inbox, saved } = setUp(sim, { acknowledgeDirect: true });
    await inbox.start();
    sim.direct(single({ from: '4012', text: 'ok' }));
    await settle(inbox);
    expect(saved).toHaveLength(1);
    expect(sim.received).toContain('AT+CNMA');
  });

  it('falls back to direct delivery when AT+CNMI=2,1 is refused, and survives a refused CPMS', async () => {
    const sim = fakeSim({
      answer: (command) =>
        command === 'AT+CNMI=2,1,0,0,0' || command.startsWith('AT+CPMS')
          ? '\r\n+CMS ERROR: 303\r\n'
          : undefined,
    });
    const { inbox, problems, saved } = setUp(sim);
    const setup = await inbox.start();
    expect(setup.mode).toBe('direct');
    expect(inbox.delivery).toBe('direct');
    expect(sim.received).toContain('AT+CNMI=2,2,0,0,0');
    expect(problems.map((p) => p.id)).toEqual(['delivery_refused', 'delivery_refused']);
    sim.direct(single({ from: '4012', text: 'hello' }));
    await settle(inbox);
    expect(saved.map((m) => m.text)).toEqual(['hello']);
  });

  it('joins a three-part UCS2 reply arriving out of order through different SMSCs', async () => {
    const sim = fakeSim();
    const { inbox, events, saved } = setUp(sim);
    await inbox.start();
    const parts = deliver({ from: '4012', text: BALANCE, concatRef: 7 });
    expect(parts).toHaveLength(3);
    const smscs = ['+687390001', '+687390002', '+687390003'];
    const through = parts.map((_, i) =>
      deliver({ from: '4012', text: BALANCE, concatRef: 7, smsc: smscs[i] }),
    );
    const indexes: number[] = [];
    for (const i of [2, 0, 1]) {
      const part = through[i]?.[i];
      if (!part) throw new Error('missing part');
      indexes.push(sim.arrive(part));
      await settle(inbox);
      if (i !== 1) expect(events).toHaveLength(0);
    }

    expect(events).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      sender: '4012',
      text: BALANCE,
      encoding: 'ucs2',
      complete: true,
      parts: 3,
      total: 3,
      missing: [],
      indexes: [...indexes].sort(),
    });
    expect(sim.slots.size).toBe(0);
  });

  it('joins the two parts of a real multipart SMS that came through two SMSCs', async () => {
    const vectors = vectorsOf<string, { concat?: unknown; smsc?: string; text: string }>(
      'sms_deliver_pdu',
    ).filter((v) => v.input.includes('0500034C02'));
    expect(vectors).toHaveLength(2);
    expect(new Set(vectors.map((v) => v.expected.smsc)).size).toBe(2);
    const sim = fakeSim();
    const { inbox, saved } = setUp(sim);
    await inbox.start();
    for (const vector of [...vectors].reverse()) {
      const smscOctets = Number.parseInt(vector.input.slice(0, 2), 16);
      sim.arrive({ hex: vector.input, length: vector.input.length / 2 - 1 - smscOctets });
    }
    await settle(inbox);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.text).toBe(vectors.map((v) => v.expected.text).join(''));
    expect(saved[0]).toMatchObject({ sender: '+16175046925', complete: true, parts: 2 });
  });

  it('ignores a duplicate part but deletes both copies', async () => {
    const sim = fakeSim();
    const { inbox, saved } = setUp(sim);
    await inbox.start();
    const [one, two] = deliver({ from: '4012', text: BALANCE.slice(0, 100), concatRef: 9 });
    if (!one || !two) throw new Error('expected two parts');
    sim.arrive(one);
    sim.arrive(one);
    await settle(inbox);
    sim.arrive(two);
    await settle(inbox);

    expect(saved).toHaveLength(1);
    expect(saved[0]?.text).toBe(BALANCE.slice(0, 100));
    expect(saved[0]?.indexes).toEqual([0, 1, 2]);
    expect(sim.slots.size).toBe(0);
  });

  it('deletes a late duplicate of a message already saved without making a second message', async () => {
    const sim = fakeSim();
    const { inbox, saved } = setUp(sim);
    await inbox.start();
    const parts = deliver({ from: '4012', text: BALANCE.slice(0, 100), concatRef: 9 });
    for (const part of parts) sim.arrive(part);
    await settle(inbox);
    const late = parts[1];
    if (!late) throw new Error('expected two parts');
    const index = sim.arrive(late);
    await settle(inbox);

    expect(saved).toHaveLength(1);
    expect(sim.received.filter((line) => line === `AT+CMGD=${index}`)).toHaveLength(2);
    expect(sim.slots.size).toBe(0);
  });

  it('surfaces an incomplete message with the part it has once incompleteAfterMs has passed', async () => {
    const sim = fakeSim();
    const { inbox, clock, events, saved } = setUp(sim);
    await inbox.start();
    const [one, two] = deliver({ from: '4012', text: BALANCE.slice(0, 100), concatRef: 3 });
    if (!one || !two) throw new Error('expected two parts');
    const index = sim.arrive(one);
    await settle(inbox);

    clock.advance(59_999);
    await inbox.sweep();
    expect(events).toHaveLength(0);
    expect(sim.slots.has(index)).toBe(true);

    clock.advance(1);
    await inbox.sweep();
    expect(events).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      complete: false,
      parts: 1,
      total: 2,
      missing: [2],
      text: BALANCE.slice(0, 67),
      indexes: [index],
    });
    // Saved in the app, so the SIM's room is given back.
    expect(sim.slots.has(index)).toBe(false);

    // The missing part, late: the message is released again, whole, superseding the first.
    sim.arrive(two);
    await settle(inbox);
    expect(saved).toHaveLength(2);
    expect(saved[1]).toMatchObject({
      complete: true,
      text: BALANCE.slice(0, 100),
      supersedes: saved[0]?.key,
    });
    expect(sim.slots.size).toBe(0);
  });

  it('deletes a message from the SIM only once save has resolved', async () => {
    const sim = fakeSim();
    let release = () => {};
    const clock = manualClock();
    const inbox = createSmsInbox(sim.channel, {
      store: { save: () => new Promise<void>((resolve) => (release = resolve)) },
      now: clock.now,
      incompleteAfterMs: 60_000,
      sweepEveryMs: 0,
    });
    await inbox.start();
    const index = sim.arrive(single({ from: '4012', text: 'Solde' }));
    await vi.waitFor(() => expect(sim.received).toContain(`AT+CMGR=${index}`));
    await tick(10);
    expect(sim.received).not.toContain(`AT+CMGD=${index}`);
    release();
    await settle(inbox);
    expect(sim.received).toContain(`AT+CMGD=${index}`);
  });

  it('keeps a message on the SIM when save throws, and saves it at a later sweep', async () => {
    const sim = fakeSim();
    let failing = true;
    const saved: InboxMessage[] = [];
    const events: InboxMessage[] = [];
    const problems: string[] = [];
    const inbox = createSmsInbox(sim.channel, {
      store: {
        async save(message) {
          if (failing) throw new Error('disk full');
          saved.push(message);
        },
      },
      incompleteAfterMs: 60_000,
      sweepEveryMs: 0,
    });
    inbox.onMessage((message) => events.push(message));
    inbox.onProblem((problem) => problems.push(problem.id));
    await inbox.start();
    const index = sim.arrive(single({ from: '4012', text: 'Solde' }));
    await settle(inbox);
    expect(problems).toEqual(['save_failed']);
    expect(sim.received).not.toContain(`AT+CMGD=${index}`);
    expect(sim.slots.has(index)).toBe(true);

    await inbox.sweep();
    expect(saved).toHaveLength(0);

    failing = false;
    await inbox.sweep();
    expect(saved.map((m) => m.text)).toEqual(['Solde']);
    expect(events).toHaveLength(1);
    expect(sim.slots.has(index)).toBe(false);
  });

  it('reads at start-up the messages that arrived while the app was off', async () => {
    const sim = fakeSim();
    sim.store(single({ from: '+687751234', text: 'Rappelle-moi' }));
    for (const part of deliver({ from: '4012', text: BALANCE, concatRef: 200 })) sim.store(part);
    const { inbox, saved } = setUp(sim);
    await inbox.start();

    expect(saved.map((m) => [m.sender, m.text, m.indexes])).toEqual([
      ['+687751234', 'Rappelle-moi', [0]],
      ['4012', BALANCE, [1, 2, 3]],
    ]);
    expect(sim.slots.size).toBe(0);
  });

  it('reads a part cut short, marks it, deletes it once saved, and still joins its message', async () => {
    const sim = fakeSim();
    const [first, ...others] = deliver({ from: '4012', text: BALANCE, concatRef: 7 });
    if (!first) throw new Error('expected parts');
    // The modem lost the last 4 octets (two UCS2 characters) of part 1.
    const cut = { hex: first.hex.slice(0, -8), length: first.length - 4 };
    const { inbox, saved } = setUp(sim);
    await inbox.start();
    const indexes = [sim.arrive(cut), ...others.map((part) => sim.arrive(part))];
    await settle(inbox);

    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      sender: '4012',
      text: BALANCE.slice(0, 65) + BALANCE.slice(67),
      complete: true,
      truncated: true,
      warnings: [{ code: 'user_data_short', part: 1 }],
      error: null,
    });
    for (const index of indexes) expect(sim.received).toContain(`AT+CMGD=${index}`);
  });

  it('keeps an undecodable stored PDU on the SIM and surfaces it raw with its error', async () => {
    const sim = fakeSim();
    const good = single({ from: '4012', text: 'Solde: 10 F' });
    // Cut inside the timestamp: no text can be placed.
    const broken = { hex: good.hex.slice(0, 20), length: 9 };
    const index = sim.store(broken);
    sim.store(good);
    const { inbox, saved, events } = setUp(sim);
    await inbox.start();
    await inbox.sweep();
    await inbox.sweep();

    const raw = events.find((m) => m.error !== null);
    expect(raw).toMatchObject({
      indexes: [index],
      sender: null,
      pdu: broken.hex,
      complete: false,
      error: { code: 'truncated' },
    });
    expect(saved).toHaveLength(2);
    expect(events).toHaveLength(2);
    expect(sim.received).not.toContain(`AT+CMGD=${index}`);
    expect(sim.slots.has(index)).toBe(true);
    expect(sim.slots.size).toBe(1);
  });

  it('goes on when the SIM is full: a refused read becomes a problem and the next sweep lists it', async () => {
    let full = true;
    const sim = fakeSim({
      capacity: 1,
      answer: (command) =>
        full && command.startsWith('AT+CMGR') ? '\r\n+CMS ERROR: 322\r\n' : undefined,
    });
    sim.store(single({ from: '+687751234', text: 'old' }));
    const { inbox, problems, saved } = setUp(sim);
    // The full SIM is seen by CPMS; the stored message is still read, and deleted.
    await inbox.start();
    expect(problems.map((p) => p.id)).toEqual(['memory_full']);
    expect(saved.map((m) => m.text)).toEqual(['old']);

    sim.arrive(single({ from: '4012', text: 'new' }));
    await settle(inbox);
    expect(problems.map((p) => p.id)).toEqual(['memory_full', 'memory_full']);
    full = false;
    await inbox.sweep();
    expect(saved.map((m) => m.text)).toEqual(['old', 'new']);
    expect(sim.slots.size).toBe(0);
  });

  it('lists what the SIM holds, decoded and grouped, without deleting anything', async () => {
    const sim = fakeSim();
    const parts = deliver({ from: '4012', text: BALANCE, concatRef: 5 });
    sim.store(parts[2] ?? single({ from: 'x', text: 'x' }));
    sim.store(single({ from: 'Orange', text: 'Bienvenue' }));
    sim.store(parts[0] ?? single({ from: 'x', text: 'x' }));
    sim.store({ hex: 'ZZ', length: 12 });
    const { inbox } = setUp(sim);

    const listed = await inbox.list();
    expect(
      listed.map(({ indexes, sender, timestamp, text, encoding, complete }) => ({
        indexes,
        sender,
        timestamp,
        text,
        encoding,
        complete,
      })),
    ).toEqual([
      {
        indexes: [0, 2],
        sender: '4012',
        timestamp: '2024-05-01T10:00:00+11:00',
        text: BALANCE.slice(0, 67) + BALANCE.slice(134),
        encoding: 'ucs2',
        complete: false,
      },
      {
        indexes: [1],
        sender: 'Orange',
        timestamp: '2024-05-01T10:00:00+11:00',
        text: 'Bienvenue',
        encoding: 'gsm7',
        complete: true,
      },
      { indexes: [3], sender: null, timestamp: null, text: '', encoding: null, complete: false },
    ]);
    expect(listed[0]?.missing).toEqual([2]);
    expect(listed[2]?.error?.code).toBe('invalid_hex');
    expect(sim.received.some((line) => line.startsWith('AT+CMGD'))).toBe(false);
    expect(sim.slots.size).toBe(4);
  });

  it('lists a PDU printed one hex digit short, its readable text marked truncated', async () => {
    const sim = fakeSim();
    const whole = single({ from: '4012', text: 'Solde: 1 250 F' });
    sim.store({ hex: whole.hex.slice(0, -1), length: whole.length });
    const { inbox } = setUp(sim);
    const [listed, ...others] = await inbox.list();
    expect(others).toEqual([]);
    expect(listed).toMatchObject({
      sender: '4012',
      text: 'Solde: 1 250 ',
      truncated: true,
      error: null,
      warnings: [
        { code: 'odd_hex_digit', part: 1 },
        { code: 'user_data_short', part: 1 },
      ],
    });
  });

  it('saves once a message announced while the start-up listing runs', async () => {
    const sim = fakeSim({
      answer: (command) => {
        if (command !== 'AT+CMGL=4') return undefined;
        const slot = sim.slots.get(0);
        return slot
          ? `\r\n+CMGL: 0,0,,${slot.length}\r\n${slot.hex}\r\n+CMTI: "SM",0\r\n${OK}`
          : OK;
      },
    });
    sim.store(single({ from: '4012', text: 'once' }));
    const { inbox, saved } = setUp(sim);
    await inbox.start();
    await settle(inbox);
    expect(saved.map((m) => m.text)).toEqual(['once']);
    // The announcement is read after the listing deleted the message: the slot is empty.
    expect(sim.received.filter((line) => line === 'AT+CMGD=0')).toHaveLength(1);
  });
});
