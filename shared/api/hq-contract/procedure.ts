import type { z } from 'zod';

/** Who may call a head-office procedure: anyone (signing in), or signed-in head-office staff. */
export type HqAccess = 'public' | 'staff';

interface HqProcedure<I extends z.ZodType, O extends z.ZodType> {
  access: HqAccess;
  input: I;
  output: O;
  description: string;
}

export function hqProcedure<I extends z.ZodType, O extends z.ZodType>(
  access: HqAccess,
  description: string,
  input: I,
  output: O,
): HqProcedure<I, O> {
  return { access, description, input, output };
}
