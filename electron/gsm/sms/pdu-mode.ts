/**
 * PDU mode (`AT+CMGF=0`, field note 13), set once per channel: every SMS command of this folder
 * reads and writes PDUs. A refused attempt is forgotten so the next caller tries again.
 */

import type { AtChannel } from '../channel';

const pduMode = new WeakMap<AtChannel, Promise<void>>();

export function ensurePduMode(channel: AtChannel): Promise<void> {
  const known = pduMode.get(channel);
  if (known) return known;
  const setting = channel.expectOk('AT+CMGF=0').then(() => undefined);
  pduMode.set(channel, setting);
  setting.catch(() => pduMode.delete(channel));
  return setting;
}
