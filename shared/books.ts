import { z } from 'zod';

/** Why a chained record (a receipt, a Z report) does not fit where it stands. */
export const chainBreaks = ['hash_mismatch', 'prev_hash_mismatch', 'gap'] as const;

/** One chain checked: how many records were read, and the first that does not fit, by number. */
export const chainFindingSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), count: z.number().int().nonnegative() }).strict(),
  z
    .object({
      ok: z.literal(false),
      count: z.number().int().nonnegative(),
      /** The number of the first receipt or Z report that does not fit (or that is missing). */
      brokenAt: z.number().int().positive(),
      reason: z.enum(chainBreaks),
    })
    .strict(),
]);

/** The books of this till checked: its receipt chain and its Z chain, whole or for one day. */
export const booksVerificationSchema = z
  .object({
    /** The shop's day checked (YYYY-MM-DD, in its zone), or null for the whole books. */
    day: z.iso.date().nullable(),
    receipts: chainFindingSchema,
    zReports: chainFindingSchema,
    /**
     * Every till's receipt chain (the hub's own first), each numbered and chained on its own;
     * present when the shop has paired counters.
     */
    tills: z
      .array(
        z
          .object({ tillId: z.string(), tillName: z.string(), receipts: chainFindingSchema })
          .strict(),
      )
      .optional(),
  })
  .strict();

export type ChainFinding = z.output<typeof chainFindingSchema>;
export type BooksVerification = z.output<typeof booksVerificationSchema>;

/** Whether every chain holds. */
export const booksHold = (books: BooksVerification) =>
  books.receipts.ok && books.zReports.ok && (books.tills ?? []).every((till) => till.receipts.ok);
