import { createHash } from 'node:crypto';

/** sha256 of a migration's text, line ends made LF (a Windows checkout may turn them CRLF). */
export function migrationHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

/**
 * What is wrong with the migrations folder (file name → text) held against the hashes of the
 * shipped ones: a shipped migration edited or removed, a new one not yet recorded.
 */
export function frozenMigrationProblems(
  files: Record<string, string>,
  shipped: Record<string, string>,
): string[] {
  const problems: string[] = [];
  for (const [name, hash] of Object.entries(shipped)) {
    const text = files[name];
    if (text === undefined) {
      problems.push(`${name} was shipped and is gone: a shipped migration stays, forever.`);
    } else if (migrationHash(text) !== hash) {
      problems.push(
        `${name} changed after it shipped: databases out there already ran it. ` +
          'Undo the edit and write the change as a new migration.',
      );
    }
  }
  for (const [name, text] of Object.entries(files)) {
    if (!(name in shipped)) {
      problems.push(
        `${name} is a new migration with no hash yet: add '${name}': '${migrationHash(text)}' ` +
          'to the shipped migrations in test/unit/store/migrations-frozen.test.ts.',
      );
    }
  }
  return problems;
}
