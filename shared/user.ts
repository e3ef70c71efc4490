import { z } from 'zod';
import { modemIdPattern } from './modem-bank';

export const roleSchema = z.enum(['clerk', 'manager']);
export type Role = z.output<typeof roleSchema>;

export const userSchema = z.object({ id: z.number().int(), name: z.string(), role: roleSchema });
export type User = z.output<typeof userSchema>;

/**
 * Who did something the books record (a sale's move, a receipt's print): a user in the role they
 * had then, a modem of the bank, the carrier's SMS received on a modem, or the app itself.
 */
export type Actor =
  | { kind: 'user'; role: Role; userId: number }
  | { kind: 'modem'; modemId: string }
  | { kind: 'carrier-sms'; modemId: string }
  | { kind: 'system' };

/** The signed-in user as the actor of what they do. */
export function userActor(user: User): Actor {
  return { kind: 'user', role: user.role, userId: user.id };
}

export const systemActor: Actor = { kind: 'system' };

/**
 * An actor as the books store it. A user is `<role>:<id>` (`manager:3`), in the role they had
 * when they acted: the day report finds the sales a manager settled by hand with
 * `actor LIKE 'manager:%'`, the condition of migration 0009's index, so this spelling is frozen
 * with it. Rows from before this type (Comptoir 0.1.0) differ in three places, all still read:
 * a sale a manager sold is `clerk:<id>`, a modem is its bare id, and a Z report's print
 * (z_report_prints.actor) names the user instead of this form.
 */
export function formatActor(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return `${actor.role}:${actor.userId}`;
    case 'modem':
      return `modem:${actor.modemId}`;
    case 'carrier-sms':
      return `carrier-sms:${actor.modemId}`;
    case 'system':
      return 'system';
  }
}

const userIdText = /^[1-9][0-9]{0,15}$/;

/**
 * Reads a stored actor back; null for anything else. Before modems were named `modem:<id>`, the
 * journal recorded a modem by its bare id (a modem id has no colon): such rows read as modems.
 * Demo modems are named after their carrier, so their ids may be longer than a shop's own.
 */
export function parseActor(text: string): Actor | null {
  if (text === 'system') return { kind: 'system' };
  const colon = text.indexOf(':');
  if (colon === -1) {
    return modemIdPattern.test(text) ? { kind: 'modem', modemId: text } : null;
  }
  const [kind, rest] = [text.slice(0, colon), text.slice(colon + 1)];
  const role = roleSchema.safeParse(kind);
  if (role.success) {
    return userIdText.test(rest) ? { kind: 'user', role: role.data, userId: Number(rest) } : null;
  }
  if (kind !== 'modem' && kind !== 'carrier-sms') return null;
  return modemIdPattern.test(rest) ? { kind, modemId: rest } : null;
}
