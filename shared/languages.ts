import { z } from 'zod';

/** The languages the whole interface is translated into. */
export const languages = ['en', 'fr', 'zh-CN'] as const;

export type Language = (typeof languages)[number];

export const languageSchema = z.enum(languages);

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}
