import { randomInt } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import { type PairedDevice, pairingCodeAlphabet } from '../../shared/counters';
import { createClientThrottle, pinGuardRules } from '../auth/pin-guard';
import { type Devices, sha256 } from './devices';

export const pairingCodeLength = 8;
export const pairingCodeLifetimeMs = 10 * 60_000;
/** Wrong codes typed (by anyone, anywhere) before every code not yet used is void. */
export const pairingCodeTries = 5;

interface CodeRow {
  code_hash: string;
  till_name: string;
  created_by: string;
  expires_at: string;
  tries_left: number;
  used_at: string | null;
}

/** A new code of `pairingCodeLength` characters of the alphabet, from the system's randomness. */
function newCode(): string {
  let code = '';
  for (let i = 0; i < pairingCodeLength; i += 1) {
    code += pairingCodeAlphabet[randomInt(pairingCodeAlphabet.length)];
  }
  return code;
}

const refused = () =>
  new ApiError('pairing_refused', 'This pairing code is wrong, expired or already used');

/**
 * One-time pairing codes, kept only as their SHA-256: a code lives 10 minutes and pairs one
 * counter. A wrong code matches no code, so it cannot be told which code it missed: each wrong
 * code spends a try of every live code (5, then they are void: a stranger guessing has 5
 * chances in 31^8 at most, whatever the number of clients), and each client that types wrong
 * codes is slowed down as wrong PINs are (`rate_limited`), so that it cannot void the manager's
 * codes at once either.
 */
export function createPairingCodes(
  db: Database,
  deps: { now: () => Date; devices: Devices; hubTillName: () => string },
) {
  const { now, devices } = deps;
  const throttle = createClientThrottle(now, pinGuardRules, 'pairing codes');
  const insert = db.prepare(`INSERT INTO pairing_codes (code_hash, till_name, created_at,
    created_by, expires_at, tries_left) VALUES (?, ?, ?, ?, ?, ?)`);
  const byHash = db.prepare<[string], CodeRow>('SELECT * FROM pairing_codes WHERE code_hash = ?');
  const live = `used_at IS NULL AND tries_left > 0 AND expires_at > ?`;
  const pendingName = db.prepare<[string, string], { till_name: string }>(
    `SELECT till_name FROM pairing_codes WHERE ${live} AND till_name = ? COLLATE NOCASE`,
  );
  const spendTry = db.prepare(`UPDATE pairing_codes SET tries_left = tries_left - 1 WHERE ${live}`);
  const use = db.prepare(
    'UPDATE pairing_codes SET used_at = ?, device_id = ? WHERE code_hash = ? AND used_at IS NULL',
  );

  /** Whether a till has this name: the hub's own, or a counter's (even revoked). */
  const inUse = (name: string) =>
    name.toLowerCase() === deps.hubTillName().toLowerCase() || devices.hasName(name);
  /** Whether a new code may not name its till so: in use, or promised to a live code. */
  const taken = (name: string, at: string) =>
    inUse(name) || pendingName.get(at, name) !== undefined;

  const pair = db.transaction((row: CodeRow, address: string) => {
    const { device, credential } = devices.add(row.till_name, row.created_by, address);
    use.run(now().toISOString(), device.id, row.code_hash);
    return { device, credential };
  });

  return {
    /** A new code for the till `tillName`, or "Counter N" with the next free N (from 2). */
    create(
      tillName: string | undefined,
      createdBy: string,
    ): { code: string; tillName: string; expiresAt: string } {
      const at = now();
      const atText = at.toISOString();
      let name = tillName;
      if (name === undefined) {
        let number = 2;
        while (taken(`Counter ${number}`, atText)) number += 1;
        name = `Counter ${number}`;
      } else if (taken(name, atText)) {
        throw new ApiError('conflict', `The till name "${name}" is taken`);
      }
      const code = newCode();
      const expiresAt = new Date(at.getTime() + pairingCodeLifetimeMs).toISOString();
      insert.run(sha256(code), name, atText, createdBy, expiresAt, pairingCodeTries);
      return { code, tillName: name, expiresAt };
    },
    /**
     * Pairs the counter at `client` that typed `code` (normalised by `pairingCodeSchema`):
     * its device and credential; `pairing_refused` for a wrong, expired, used or void code.
     */
    pair(code: string, client: string): { device: PairedDevice; credential: string } {
      throttle.admit(client);
      const at = now().toISOString();
      const row = byHash.get(sha256(code));
      if (!row) {
        throttle.failed(client);
        spendTry.run(at);
        throw refused();
      }
      if (row.used_at !== null || row.tries_left <= 0 || row.expires_at <= at) throw refused();
      // The hub's own till may have been renamed so since the code was made.
      if (inUse(row.till_name)) {
        throw new ApiError('conflict', `The till name "${row.till_name}" is taken`);
      }
      // The client as the transport names it, `https:<address>`: the address is what is listed.
      return pair(row, client.replace(/^[a-z]+:/, ''));
    },
  };
}

export type PairingCodes = ReturnType<typeof createPairingCodes>;
