import { z } from 'zod';
import { permissionsSchema } from '../../permissions';
import { noInput, procedure } from './procedure';

export const permissions = {
  'permissions.get': procedure(
    'user',
    'What a clerk may do: each act allowed, with a manager’s approval, or left to a manager; ' +
      'and what the caller may do (a manager: everything), for a screen to ask or hide.',
    noInput,
    z.object({ permissions: permissionsSchema, mine: permissionsSchema.shape.clerk }),
  ),
  'permissions.update': procedure(
    'manager',
    'Saves what a clerk may do; in force at once.',
    permissionsSchema,
    z.object({ permissions: permissionsSchema }),
  ),
};
