/**
 * Asks the modem to keep new messages on the SIM and announce them (field note 17: getting
 * CNMI right is why SMS arrive at all). Modems differ, so each step may be refused:
 *
 * - `AT+CPMS="SM","SM","SM"`: read, write and receive on the SIM. Refused → the modem's own
 *   choice stays, and we read whatever storage it uses.
 * - `AT+CNMI=2,1,0,0,0`: store, then `+CMTI: "SM",<index>`. Refused → `AT+CNMI=2,2,0,0,0`:
 *   the PDU comes inline as `+CMT` and is not stored. Both refused → no announcement at all;
 *   the inbox then finds messages by listing the SIM at each sweep.
 */

import { afterPrefix, decimalField, splitFields } from '../at/fields';
import { type AtChannel, AtCommandError, AtTimeoutError } from '../channel';

export type DeliveryMode = 'stored' | 'direct' | 'none';

export interface DeliverySetup {
  mode: DeliveryMode;
  /** Messages in / room of the receiving storage, when the CPMS answer said. */
  storage: { used: number; total: number } | null;
  /** What the modem refused on the way (for the log and the problem events). */
  refused: Error[];
}

const CNMI_STORED = 'AT+CNMI=2,1,0,0,0';
const CNMI_DIRECT = 'AT+CNMI=2,2,0,0,0';
const CPMS_SIM = 'AT+CPMS="SM","SM","SM"';

export async function enableDelivery(channel: AtChannel): Promise<DeliverySetup> {
  const refused: Error[] = [];
  const attempt = async (command: string) => {
    try {
      return await channel.expectOk(command, { kind: 'sim' });
    } catch (error) {
      if (!(error instanceof AtCommandError || error instanceof AtTimeoutError)) throw error;
      refused.push(error);
      return null;
    }
  };
  const cpms = await attempt(CPMS_SIM);
  const storage = cpms ? storageOf(cpms.lines) : null;
  let mode: DeliveryMode = 'none';
  if (await attempt(CNMI_STORED)) mode = 'stored';
  else if (await attempt(CNMI_DIRECT)) mode = 'direct';
  return { mode, storage, refused };
}

/** `+CPMS: <used1>,<total1>,...` (set form) → the first storage's count and room. */
function storageOf(lines: readonly string[]): { used: number; total: number } | null {
  for (const line of lines) {
    const rest = afterPrefix(line, '+CPMS');
    if (rest === null) continue;
    const [used, total] = splitFields(rest).map(decimalField);
    if (used != null && total != null) return { used, total };
  }
  return null;
}
