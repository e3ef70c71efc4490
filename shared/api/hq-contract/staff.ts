import { z } from 'zod';
import { noInput } from '../contract/procedure';
import { hqProcedure } from './procedure';

const staffName = z.string().trim().min(1).max(80);
/** A head-office password: long, since the head office is reachable from the internet. */
const password = z.string().min(12).max(200);
const session = z.object({ token: z.string(), name: z.string() });

export const staff = {
  'staff.getAbout': hqProcedure(
    'public',
    'What the sign-in screen needs: whether anyone can sign in yet (else the first account is made).',
    noInput,
    z.object({ hasStaff: z.boolean() }),
  ),
  'staff.setup': hqProcedure(
    'public',
    'Makes the first head-office account and signs it in; refused once one exists.',
    z.object({ name: staffName, password }).strict(),
    session,
  ),
  'staff.login': hqProcedure(
    'public',
    'Signs in head-office staff by name and password (slowed down after wrong ones).',
    z.object({ name: staffName, password: z.string().min(1).max(200) }).strict(),
    session,
  ),
  'staff.logout': hqProcedure('staff', 'Ends this session.', noInput, z.object({})),
  'staff.list': hqProcedure(
    'staff',
    'The head office’s accounts.',
    noInput,
    z.object({ staff: z.array(z.object({ name: z.string(), createdAt: z.string() })) }),
  ),
  'staff.create': hqProcedure(
    'staff',
    'Adds a head-office account.',
    z.object({ name: staffName, password }).strict(),
    z.object({ name: z.string() }),
  ),
};
