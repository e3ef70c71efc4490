import { createHash, randomBytes } from 'node:crypto';
import { enrolmentCodeSchema } from '../../shared/head-office';

/**
 * The head office's secrets: staff session tokens, shop credentials and enrolment codes. Only
 * their SHA-256 is stored, so a copy of the database opens no session and enrols no shop.
 */

/** A bearer secret: 32 random bytes as 64 hex digits (what the transports accept). */
export function newSecret(random: (size: number) => Buffer = randomBytes): string {
  return random(32).toString('hex');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

// 32 letters and digits without 0/O and 1/I: read aloud over the phone, typed on a counter.
const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A new enrolment code, `XXXX-XXXX-XXXX` (60 bits). */
export function newEnrolmentCode(random: (size: number) => Buffer = randomBytes): string {
  // 32 letters: the low 5 bits of a byte pick one without bias.
  const letters = [...random(12)].map((byte) => codeAlphabet[byte & 31]).join('');
  return `${letters.slice(0, 4)}-${letters.slice(4, 8)}-${letters.slice(8, 12)}`;
}

/** The stored form of a code as typed (any case, dashes or not); null for what is no code. */
export function enrolmentCodeHash(typed: string): string | null {
  const parsed = enrolmentCodeSchema.safeParse(typed);
  return parsed.success ? hashSecret(parsed.data.replaceAll('-', '')) : null;
}
