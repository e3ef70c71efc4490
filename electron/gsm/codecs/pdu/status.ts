/** What a TP-Status value says about a sent message (TS 23.040 §9.2.3.15). */
export type StatusMeaning =
  /** 0x00: received by the recipient's phone. */
  | 'delivered'
  /** 0x01..0x1F: the centre is done, but could not confirm delivery (forwarded, replaced...). */
  | 'completed'
  /** 0x20..0x3F: temporary error, the centre keeps trying. */
  | 'pending'
  /** 0x40..0x7F: permanent error, or temporary error the centre gave up on. */
  | 'failed'
  /** 0x80..0xFF: reserved values. */
  | 'reserved';

export function statusMeaning(status: number): StatusMeaning {
  if (status === 0) return 'delivered';
  if (status < 0x20) return 'completed';
  if (status < 0x40) return 'pending';
  if (status < 0x80) return 'failed';
  return 'reserved';
}
