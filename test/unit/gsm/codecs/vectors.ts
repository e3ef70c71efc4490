/** The modem vectors (test/fixtures/vectors, each naming its source), loaded by kind. */
import fs from 'node:fs';
import path from 'node:path';

interface Vector {
  kind: string;
  input: unknown;
  expected: unknown;
  note?: string;
  source_repo: string;
  source_path: string;
}

const file = path.resolve(__dirname, '../../../fixtures/vectors/modem-vectors.json');
const all = JSON.parse(fs.readFileSync(file, 'utf8')) as Vector[];

/** The vectors of one kind, named for test titles; throws if there are none (a test that
 * iterates an empty list would pass without checking anything). */
export function vectorsOf<I, E>(
  kind: string,
): Array<{ name: string; input: I; expected: E; note?: string }> {
  const found = all.filter((vector) => vector.kind === kind);
  if (found.length === 0) throw new Error(`No vector of kind ${kind} in ${file}`);
  return found.map((vector, index) => ({
    name: `${vector.source_repo} ${vector.source_path} #${index + 1}`,
    input: vector.input as I,
    expected: vector.expected as E,
    ...(vector.note === undefined ? {} : { note: vector.note }),
  }));
}
