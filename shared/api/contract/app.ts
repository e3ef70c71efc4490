import { z } from 'zod';
import { demoCardSchema } from '../../demo-cards';
import { languageSchema } from '../../languages';
import { noInput, procedure } from './procedure';

export const app = {
  'app.get': procedure(
    'public',
    'What is running: version, demo mode, default language, whether the database is damaged.',
    noInput,
    z.object({
      version: z.string(),
      demo: z.boolean(),
      defaultLanguage: languageSchema,
      /** False until the first manager is created (first run). */
      hasUsers: z.boolean(),
      /** True in safe mode: the database failed its check and is open for reading only. */
      databaseDamaged: z.boolean(),
      /** The demo's cards and what each does, from its simulated network; none outside the demo. */
      demoCards: z.array(demoCardSchema),
    }),
  ),
};
