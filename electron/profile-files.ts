/**
 * Profiles kept as JSON files in folders (carrier profiles, modem profiles): the shipped folder
 * first, then the shop's own. Each file is validated on its own by the profile's schema; a bad
 * one is reported (naming the file and each field at fault) and skipped, and never stops the
 * good ones from loading.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { type ApiIssue, issuesFromZod } from '../shared/api/errors';

/** No profile is anywhere near this; a bigger file is not one. */
const MAX_PROFILE_BYTES = 1_000_000;

export type ProfileFileProblemCode =
  | 'unreadable'
  | 'too_large'
  | 'invalid_json'
  | 'invalid_profile'
  /** Another file of the same folder already has this id. */
  | 'duplicate_id';

export interface ProfileFileProblem {
  file: string;
  code: ProfileFileProblemCode;
  /** Names the file, and each field at fault: "nc.json: plans.1.price: expected int…". */
  message: string;
  /** The field errors of an invalid profile, as the API reports them. */
  issues: ApiIssue[];
}

export interface LoadedProfile<T> {
  profile: T;
  file: string;
  /** The file of an earlier folder this one replaces (same id). */
  overrides?: string;
}

export interface LoadedProfiles<T> {
  profiles: LoadedProfile<T>[];
  problems: ProfileFileProblem[];
}

export type ParsedProfile<T> =
  | { ok: true; profile: T }
  | { ok: false; problem: ProfileFileProblem };

function problem(
  file: string,
  code: ProfileFileProblemCode,
  message: string,
  issues: ApiIssue[] = [],
): { ok: false; problem: ProfileFileProblem } {
  return { ok: false, problem: { file, code, message: `${file}: ${message}`, issues } };
}

/** Validates the text of a profile (a file's, or one a manager is saving) against its schema. */
export function parseProfileText<T>(
  schema: z.ZodType<T>,
  text: string,
  file = 'profile',
): ParsedProfile<T> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return problem(file, 'invalid_json', `not JSON (${(error as Error).message})`);
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, profile: result.data };
  const issues = issuesFromZod(result.error);
  const fields = issues.map((issue) => `${issue.path || '(profile)'}: ${issue.message}`);
  return problem(file, 'invalid_profile', fields.join('; '), issues);
}

async function profileFiles(dir: string): Promise<string[] | ProfileFileProblem> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.json'))
      .map((entry) => path.join(dir, entry.name))
      .sort();
  } catch (error) {
    // The shop's own folder need not exist until someone puts a profile in it.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    return {
      file: dir,
      code: 'unreadable',
      message: `${dir}: ${(error as Error).message}`,
      issues: [],
    };
  }
}

async function readProfile<T>(schema: z.ZodType<T>, file: string): Promise<ParsedProfile<T>> {
  try {
    if ((await stat(file)).size > MAX_PROFILE_BYTES) {
      return problem(file, 'too_large', `larger than ${MAX_PROFILE_BYTES} bytes`);
    }
    return parseProfileText(schema, await readFile(file, 'utf8'), file);
  } catch (error) {
    return problem(file, 'unreadable', (error as Error).message);
  }
}

/**
 * Loads every `*.json` of each folder, in order. A profile of a later folder replaces one of an
 * earlier folder with the same id (the shop's copy over the shipped one); two files of one
 * folder with the same id keep the first (by file name) and report the other.
 */
export async function loadProfileFolders<T extends { id: string }>(
  schema: z.ZodType<T>,
  dirs: readonly string[],
): Promise<LoadedProfiles<T>> {
  const loaded = new Map<string, LoadedProfile<T>>();
  const problems: ProfileFileProblem[] = [];
  for (const dir of dirs) {
    const files = await profileFiles(dir);
    if (!Array.isArray(files)) {
      problems.push(files);
      continue;
    }
    const seenHere = new Map<string, string>();
    for (const file of files) {
      const read = await readProfile(schema, file);
      if (!read.ok) {
        problems.push(read.problem);
        continue;
      }
      const { id } = read.profile;
      const twin = seenHere.get(id);
      if (twin !== undefined) {
        problems.push(
          problem(file, 'duplicate_id', `the id ${JSON.stringify(id)} is already used by ${twin}`)
            .problem,
        );
        continue;
      }
      seenHere.set(id, file);
      const earlier = loaded.get(id);
      loaded.set(
        id,
        earlier
          ? { profile: read.profile, file, overrides: earlier.file }
          : { profile: read.profile, file },
      );
    }
  }
  return { profiles: [...loaded.values()], problems };
}
