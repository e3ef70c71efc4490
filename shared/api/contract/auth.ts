import { z } from 'zod';
import { userSchema } from '../../user';
import { noInput, procedure } from './procedure';

export const userNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N} ._-]+$/u);

export const pinSchema = z.string().regex(/^[0-9]{4,8}$/, { error: 'A PIN is 4 to 8 digits' });

const signedIn = z.object({ token: z.string(), user: userSchema });

export const auth = {
  'auth.setup': procedure(
    'public',
    'First run: creates the first manager and signs them in; refused once any user exists.',
    z.object({ name: userNameSchema, pin: pinSchema }).strict(),
    signedIn,
  ),
  'auth.login': procedure(
    'public',
    'Signs a user in with name and PIN; wrong PINs are rate-limited.',
    z.object({ name: userNameSchema, pin: pinSchema }).strict(),
    signedIn,
  ),
  'auth.logout': procedure('user', 'Ends this session.', noInput, z.object({})),
  'auth.renew': procedure(
    'user',
    'Keeps this session open: the counter calls it while someone is at it without other calls.',
    noInput,
    z.object({}),
  ),
};
