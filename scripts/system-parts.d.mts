export interface SystemPart {
  name: string;
  debian: string;
  program?: string;
  file?: { env: string; otherwise: string };
  fontLanguage?: string;
  postgres?: { env: string; otherwise: string };
}

export const systemParts: SystemPart[];

export function missingParts(options: {
  env: Record<string, string | undefined>;
  listFonts: (language: string) => string[];
  parts?: SystemPart[];
}): SystemPart[];

export function missingLine(missing: SystemPart[]): string;

export function fontconfigFonts(
  env: Record<string, string | undefined>,
): (language: string) => string[];

export function postgresBinFolder(env: Record<string, string | undefined>): string | null;
