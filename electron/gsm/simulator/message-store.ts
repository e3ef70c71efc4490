/**
 * The SIM's message storage ("SM"): numbered slots holding PDUs with a 27.005 status. A full
 * SIM stores nothing more (field notes, point 17), so slots must be deleted once read.
 */

/** 27.005 <stat> in PDU mode: 0 received unread, 1 received read, 2 stored unsent, 3 stored sent. */
export type MessageStat = 0 | 1 | 2 | 3;

export interface StoredMessage {
  index: number;
  stat: MessageStat;
  /** SMSC prefix and TPDU, as hex. */
  pdu: string;
  /** TPDU octets: the <length> of +CMGR / +CMGL. */
  tpduLength: number;
}

/** AT+CMGD=<index>,<flag>: which messages a flag deletes besides the indexed one. */
const DELETED_BY_FLAG: Readonly<Record<number, readonly MessageStat[]>> = {
  1: [1],
  2: [1, 3],
  3: [1, 2, 3],
  4: [0, 1, 2, 3],
};

export function createMessageStore(capacity: number, firstIndex: 0 | 1) {
  const slots: Array<StoredMessage | null> = Array.from({ length: capacity }, () => null);

  const slotOf = (index: number) => index - firstIndex;
  const stored = () => slots.filter((slot): slot is StoredMessage => slot !== null);

  return {
    capacity,
    get used(): number {
      return stored().length;
    },

    /** The index where the message went, or null when the SIM is full. */
    store(pdu: string, tpduLength: number, stat: MessageStat = 0): number | null {
      const free = slots.indexOf(null);
      if (free < 0) return null;
      const index = free + firstIndex;
      slots[free] = { index, stat, pdu, tpduLength };
      return index;
    },

    /** Reading a received message marks it read, as on a modem. */
    read(index: number): StoredMessage | null {
      const slot = slots[slotOf(index)];
      if (!slot) return null;
      const shown = { ...slot };
      if (slot.stat === 0) slot.stat = 1;
      return shown;
    },

    /** Messages with `stat` (4: all), in index order; listed unread ones become read. */
    list(stat: MessageStat | 4): StoredMessage[] {
      const listed = stored().filter((slot) => stat === 4 || slot.stat === stat);
      const shown = listed.map((slot) => ({ ...slot }));
      for (const slot of listed) if (slot.stat === 0) slot.stat = 1;
      return shown;
    },

    /** Deletes `index` (flag 0), or every message the flag names (1..4, index ignored). */
    delete(index: number, flag = 0): boolean {
      if (flag === 0) {
        const slot = slotOf(index);
        if (slot < 0 || slot >= capacity) return false;
        slots[slot] = null;
        return true;
      }
      const stats = DELETED_BY_FLAG[flag];
      if (!stats) return false;
      slots.forEach((slot, i) => {
        if (slot && stats.includes(slot.stat)) slots[i] = null;
      });
      return true;
    },

    isValidIndex(index: number): boolean {
      return slotOf(index) >= 0 && slotOf(index) < capacity;
    },

    snapshot(): StoredMessage[] {
      return stored().map((slot) => ({ ...slot }));
    },
  };
}

export type MessageStore = ReturnType<typeof createMessageStore>;
