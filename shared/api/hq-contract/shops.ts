import { z } from 'zod';
import { currencyCodeSchema } from '../../currencies';
import { chainFlagKinds, chainNames } from '../../head-office';
import { isTimeZone } from '../../shop';
import { noInput } from '../contract/procedure';
import { hqProcedure } from './procedure';

export const shopSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  zone: z.string(),
  currency: currencyCodeSchema,
  managed: z.boolean(),
  enrolledAt: z.string().nullable(),
  /** When its last batch of facts arrived, the facts it said were still waiting then. */
  lastBatchAt: z.string().nullable(),
  backlog: z.number().int(),
  factsStored: z.number().int(),
  catalogVersion: z.number().int(),
  /** Chain checks found and not yet acknowledged. */
  openFlags: z.number().int(),
});

const enrolmentCode = z.object({
  code: z.string(),
  expiresAt: z.string(),
});

export const chainFlagSchema = z.object({
  id: z.number().int(),
  shopId: z.string(),
  shopName: z.string(),
  chain: z.enum(chainNames),
  tillId: z.string(),
  kind: z.enum(chainFlagKinds),
  number: z.number().int(),
  lastNumber: z.number().int(),
  /** What was expected and what arrived (hashes, numbers), for the person investigating. */
  details: z.record(z.string(), z.unknown()),
  flaggedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});

export const shops = {
  'shops.list': hqProcedure(
    'staff',
    'The chain’s shops and how each one’s sync goes.',
    noInput,
    z.object({ shops: z.array(shopSummarySchema), catalogVersion: z.number().int() }),
  ),
  'shops.create': hqProcedure(
    'staff',
    'Adds a shop (name, zone, currency) and gives its enrolment code, valid 24 hours, used once.',
    z
      .object({
        name: z.string().trim().min(1).max(80),
        zone: z.string().refine(isTimeZone, { params: { reason: 'unknown_time_zone' } }),
        currency: currencyCodeSchema,
        managed: z.boolean(),
      })
      .strict(),
    z.object({ shop: shopSummarySchema, enrolment: enrolmentCode }),
  ),
  'shops.renewCode': hqProcedure(
    'staff',
    'A new enrolment code for a shop (the old one stops working): a shop re-installed, or a code lost.',
    z.object({ shopId: z.uuid() }).strict(),
    enrolmentCode,
  ),
  'checks.list': hqProcedure(
    'staff',
    'What the checks on arrival found in the shops’ chains: a gap, a fork, a changed receipt.',
    z.object({ shopId: z.uuid().nullable(), open: z.boolean() }).strict(),
    z.object({ flags: z.array(chainFlagSchema) }),
  ),
  'checks.acknowledge': hqProcedure(
    'staff',
    'Marks a finding as looked into (it stays in the list, with who and when).',
    z.object({ id: z.number().int().positive() }).strict(),
    chainFlagSchema,
  ),
};
