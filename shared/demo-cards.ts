import { z } from 'zod';

/**
 * What a demo card does when the clerk tries it: a card the network knows, one nearly out of
 * data, one expired, and the line whose top-up the network takes but never confirms.
 */
export const demoCardKinds = ['known', 'low-data', 'expired', 'never-confirmed'] as const;

export type DemoCardKind = (typeof demoCardKinds)[number];

/** A card of the demo's simulated network, as the demo banner lists it. */
export const demoCardSchema = z.object({
  /** International digits without "+", as the network knows the line: "687123456". */
  number: z.string().regex(/^[0-9]{6,15}$/),
  kind: z.enum(demoCardKinds),
  /** The plan last bought on it, as the network names it. */
  plan: z.string(),
  remainingMb: z.number().int().nonnegative(),
  /** Days of validity left; negative: expired that many days ago. */
  validForDays: z.number().int(),
});

export type DemoCard = z.infer<typeof demoCardSchema>;
