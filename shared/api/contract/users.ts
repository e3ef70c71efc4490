import { z } from 'zod';
import { userNameSchema } from './auth';
import { noInput, procedure } from './procedure';

export const users = {
  'users.listLocked': procedure(
    'manager',
    'The names locked after too many wrong PINs in a row (sign-in or a manager’s approval).',
    noInput,
    z.object({ names: z.array(z.string()) }),
  ),
  'users.unlock': procedure(
    'manager',
    'Unlocks a name locked after too many wrong PINs; not_found when it is not locked.',
    z.object({ name: userNameSchema }).strict(),
    z.object({}),
  ),
};
