import type { ApiIssue } from '../../shared/api/errors';
import type { Fact } from '../../shared/head-office';

const factPath = /^facts\.(\d+)(?:\.(.+))?$/;

/**
 * The fact of `batch` that the head office's refusal names first (its issues' paths are the
 * batch's, `facts.3.payload.at`), its place in the batch, and what the refusal says of it, paths
 * within the fact (`payload.at`); null when the refusal names no fact of the batch (the batch
 * itself refused).
 */
export function factNamedIn(
  batch: readonly Fact[],
  issues: readonly ApiIssue[],
): { fact: Fact; index: number; issues: ApiIssue[] } | null {
  const named = issues.flatMap((issue) => {
    const match = factPath.exec(issue.path);
    return match ? [{ index: Number(match[1]), issue: { ...issue, path: match[2] ?? '' } }] : [];
  });
  // The earliest in the batch: the one the facts after it wait behind.
  const first = Math.min(...named.map(({ index }) => index));
  const fact = batch[first];
  if (!fact) return null;
  return {
    fact,
    index: first,
    issues: named.filter(({ index }) => index === first).map(({ issue }) => issue),
  };
}
