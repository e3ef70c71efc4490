import { z } from 'zod';

/**
 * What a clerk may do, as the shop sets it: each act is allowed, allowed with a manager's name and
 * PIN typed at the clerk's screen (`approval`), or left to a signed-in manager (`refused`). A
 * manager may always do everything, so that no setting can lock the shop out.
 */
export const acts = [
  'refund',
  'reprint',
  'open_drawer',
  'close_day',
  'close_period',
  'edit_prices',
  'export',
  'manage_users',
] as const;
export type Act = (typeof acts)[number];

export const decisions = ['allowed', 'approval', 'refused'] as const;
export type Decision = (typeof decisions)[number];

export const permissionsSchema = z
  .object({
    clerk: z.object(
      Object.fromEntries(acts.map((act) => [act, z.enum(decisions)])) as Record<
        Act,
        z.ZodEnum<{ [D in Decision]: D }>
      >,
    ),
  })
  .strict();
export type Permissions = z.output<typeof permissionsSchema>;

/** What a clerk could do before the shop could set it: the defaults. */
export const defaultPermissions: Permissions = {
  clerk: {
    refund: 'approval',
    reprint: 'allowed',
    open_drawer: 'approval',
    close_day: 'approval',
    close_period: 'refused',
    edit_prices: 'refused',
    export: 'approval',
    manage_users: 'refused',
  },
};
