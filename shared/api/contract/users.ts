import { z } from 'zod';
import { managerApprovalSchema } from '../../day';
import { roleSchema, userSchema } from '../../user';
import { pinSchema, userNameSchema } from './auth';
import { noInput, procedure } from './procedure';

export const users = {
  'users.listLocked': procedure(
    'manager',
    'The names locked after too many wrong PINs in a row (sign-in or a manager’s approval).',
    noInput,
    z.object({ names: z.array(z.string()) }),
  ),
  'users.list': procedure(
    'manager',
    'The users who can sign in, by name.',
    noInput,
    z.object({ users: z.array(userSchema) }),
  ),
  'users.remove': procedure(
    'user',
    'Takes a user off the shop: they can no longer sign in and their sessions end; what they did ' +
      'keeps their name. Conflict for oneself or the last manager; not_found when already removed.',
    z
      .object({ id: z.number().int().positive(), manager: managerApprovalSchema.optional() })
      .strict(),
    z.object({ removed: userSchema }),
  ),
  'users.unlock': procedure(
    'user',
    'Unlocks a name locked after too many wrong PINs; not_found when it is not locked.',
    z.object({ name: userNameSchema, manager: managerApprovalSchema.optional() }).strict(),
    z.object({}),
  ),
  'users.create': procedure(
    'user',
    'Adds a user who can sign in with their name and PIN, as a clerk or a manager. Conflict when ' +
      'the name is taken.',
    z
      .object({
        name: userNameSchema,
        pin: pinSchema,
        role: roleSchema,
        manager: managerApprovalSchema.optional(),
      })
      .strict(),
    z.object({ user: userSchema }),
  ),
  'users.setRole': procedure(
    'user',
    'Makes a user a clerk or a manager; their sessions end. Conflict for the last manager.',
    z
      .object({
        id: z.number().int().positive(),
        role: roleSchema,
        manager: managerApprovalSchema.optional(),
      })
      .strict(),
    z.object({ user: userSchema }),
  ),
};
