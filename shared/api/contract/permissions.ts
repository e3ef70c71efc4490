import { z } from 'zod';
import { permissionsSchema } from '../../permissions';
import { noInput, procedure } from './procedure';

export const permissions = {
  'permissions.get': procedure(
    'user',
    'What a clerk may do: each act allowed, with a manager’s approval, or left to a manager.',
    noInput,
    z.object({ permissions: permissionsSchema }),
  ),
  'permissions.update': procedure(
    'manager',
    'Saves what a clerk may do; in force at once.',
    permissionsSchema,
    z.object({ permissions: permissionsSchema }),
  ),
};
