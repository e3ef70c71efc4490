import { z } from 'zod';
import { syncStatusSchema } from '../../head-office';
import { noInput, procedure } from './procedure';

/** The shop's side of its head office: enrolment and the state of the sync, for the manager. */
export const sync = {
  'sync.getStatus': procedure(
    'manager',
    'Whether the shop is enrolled at a head office, how its sync goes (last success, facts waiting, ' +
      'last error) and which catalog version it runs.',
    noInput,
    syncStatusSchema,
  ),
  'sync.enrol': procedure(
    'manager',
    'Enrols the shop at a head office with the code it gave: HTTPS (plain HTTP only to a loopback ' +
      'address), its certificate pinned when `fingerprint` is given; the shop’s credential is kept ' +
      'sealed and the sync starts. Refused once the shop is enrolled.',
    z
      .object({
        url: z.string().trim().min(8).max(200),
        code: z.string().trim().min(12).max(14),
        /** SHA-256 of the head office's certificate (hex, colons allowed), for a self-signed one. */
        fingerprint: z
          .string()
          .trim()
          .transform((value) => value.replaceAll(':', '').toLowerCase())
          .pipe(z.string().regex(/^[0-9a-f]{64}$/))
          .nullable(),
      })
      .strict(),
    syncStatusSchema,
  ),
  'sync.send': procedure(
    'manager',
    'Sends the facts waiting and pulls the catalog now, without waiting for the next attempt.',
    noInput,
    syncStatusSchema,
  ),
};
