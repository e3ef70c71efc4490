/**
 * A SIM-holding modem for the SMS tests, on top of scriptedModem: it keeps PDUs in numbered
 * slots and answers CMGF, CPMS, CNMI, CMGL, CMGR, CMGD and CMGS as a generic modem does. A test
 * overrides any answer with `answer` (return undefined to keep the default), and pushes
 * arrivals with `arrive` (+CMTI) or `direct` (+CMT).
 */

import { type AtChannel, createAtChannel } from '../../../../electron/gsm/channel';
import { type EncodedPart, encodeDeliver } from '../../../../electron/gsm/codecs';
import { scriptedModem } from '../scripted-modem';

export const OK = '\r\nOK\r\n';

interface FakeSimOptions {
  capacity?: number;
  /** A raw answer for a command, or null for silence; undefined keeps the default answer. */
  answer?: (command: string) => string | null | undefined;
  /** Called once a body was answered: the test can make the network reply. */
  afterSend?: (body: { hex: string; reference: number }) => void;
}

interface Slot {
  hex: string;
  length: number;
}

export function fakeSim(options: FakeSimOptions = {}) {
  const capacity = options.capacity ?? 30;
  const slots = new Map<number, Slot>();
  let nextMr = 1;
  const sent: Array<{ length: number; hex: string }> = [];
  let pendingLength = 0;

  function defaultAnswer(command: string): string | null {
    if (command.endsWith('<Ctrl-Z>')) {
      const hex = command.slice(0, -'<Ctrl-Z>'.length);
      sent.push({ length: pendingLength, hex });
      const reference = nextMr++;
      setImmediate(() => options.afterSend?.({ hex, reference }));
      return `\r\n+CMGS: ${reference}\r\n${OK}`;
    }
    const cmgs = /^AT\+CMGS=(\d+)$/.exec(command);
    if (cmgs) {
      pendingLength = Number(cmgs[1]);
      return '\r\n> ';
    }
    if (command === 'AT+CPMS="SM","SM","SM"') {
      const used = slots.size;
      return `\r\n+CPMS: ${used},${capacity},${used},${capacity},${used},${capacity}\r\n${OK}`;
    }
    if (command === 'AT+CMGL=4') {
      const entries = [...slots.entries()]
        .sort(([a], [b]) => a - b)
        .map(([index, slot]) => `+CMGL: ${index},1,,${slot.length}\r\n${slot.hex}\r\n`);
      return `\r\n${entries.join('')}${OK}`;
    }
    const cmgr = /^AT\+CMGR=(\d+)$/.exec(command);
    if (cmgr) {
      const slot = slots.get(Number(cmgr[1]));
      return slot ? `\r\n+CMGR: 1,,${slot.length}\r\n${slot.hex}\r\n${OK}` : OK;
    }
    const cmgd = /^AT\+CMGD=(\d+)$/.exec(command);
    if (cmgd) {
      slots.delete(Number(cmgd[1]));
      return OK;
    }
    if (/^AT\+(CMGF=0|CNMI=.*|CNMA)$/.test(command)) return OK;
    return '\r\nERROR\r\n';
  }

  const modem = scriptedModem((command) => {
    const override = options.answer?.(command);
    return override === undefined ? defaultAnswer(command) : override;
  });

  function store(part: Slot, at?: number): number {
    let index = at ?? 0;
    if (at === undefined) while (slots.has(index)) index++;
    slots.set(index, { hex: part.hex, length: part.length });
    return index;
  }

  return {
    channel: createAtChannel(modem.client) as AtChannel,
    /** Every line the modem received, bodies as `<hex><Ctrl-Z>`. */
    received: modem.received,
    slots,
    /** Bodies of AT+CMGS with the length announced for each. */
    sent,
    /** Puts a PDU on the SIM without telling anyone (it was there before the app started). */
    store,
    /** A part arrives: stored, then announced with +CMTI. Returns its index. */
    arrive(part: Slot): number {
      const index = store(part);
      void modem.modem.write(Buffer.from(`\r\n+CMTI: "SM",${index}\r\n`, 'latin1'));
      return index;
    },
    /** A part delivered directly (CNMI mt=2): +CMT with the PDU, nothing stored. */
    direct(part: Slot) {
      void modem.modem.write(Buffer.from(`\r\n+CMT: ,${part.length}\r\n${part.hex}\r\n`, 'latin1'));
    },
    /** Raw bytes from the modem (a URC of the test's own). */
    write(text: string) {
      void modem.modem.write(Buffer.from(text, 'latin1'));
    },
  };
}

/** SMS-DELIVER parts as the network hands them to the modem. */
export function deliver(options: {
  from: string;
  text: string;
  timestamp?: string;
  smsc?: string;
  concatRef?: number;
  concatRefBits?: 8 | 16;
}): EncodedPart[] {
  return encodeDeliver({ timestamp: '2024-05-01T10:00:00+11:00', ...options });
}

/** The one part of a text short enough for one. */
export function single(options: Parameters<typeof deliver>[0]): EncodedPart {
  const [part, ...rest] = deliver(options);
  if (!part || rest.length > 0) throw new Error('expected a single part');
  return part;
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse('2024-05-01T00:00:00Z')) {
  let time = start;
  return {
    now: () => new Date(time),
    advance(ms: number) {
      time += ms;
    },
  };
}

/** Lets the in-memory link deliver what was written (it hands bytes over on setImmediate). */
export async function tick(times = 3): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((resolve) => setImmediate(resolve));
}
