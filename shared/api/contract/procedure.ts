import { z } from 'zod';

/**
 * Who may call a procedure: anyone (`public`), a signed-in user, a manager, or `setup`: anyone
 * while the shop has no user yet (first run), a manager afterwards.
 */
export type Access = 'public' | 'user' | 'manager' | 'setup';

interface Procedure<I extends z.ZodType, O extends z.ZodType> {
  access: Access;
  input: I;
  output: O;
  description: string;
}

export function procedure<I extends z.ZodType, O extends z.ZodType>(
  access: Access,
  description: string,
  input: I,
  output: O,
): Procedure<I, O> {
  return { access, description, input, output };
}

export const noInput = z.object({}).strict();
