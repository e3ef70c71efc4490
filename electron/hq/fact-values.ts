import type { ApiIssue } from '../../shared/api/errors';
import type { Fact } from '../../shared/head-office';

/**
 * What the wire's schemas leave open and PostgreSQL would refuse halfway through a batch: an
 * instant that is no ISO 8601 time, a number past PostgreSQL's integer columns. Found before the
 * transaction, so a bad batch is refused whole with the fact named, never half stored.
 */

const instantKeys = ['soldAt', 'at', 'issuedAt', 'closedAt'] as const;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
// Receipt and report numbers, clerk ids: PostgreSQL `integer`.
const integerKeys = ['number', 'clerkId'] as const;
const maxInteger = 2 ** 31 - 1;

export function factValueIssues(facts: readonly Fact[]): ApiIssue[] {
  const issues: ApiIssue[] = [];
  facts.forEach((fact, index) => {
    const payload = fact.payload as Record<string, unknown>;
    for (const key of instantKeys) {
      const value = payload[key];
      if (value === undefined) continue;
      if (typeof value !== 'string' || !isoInstant.test(value) || Number.isNaN(Date.parse(value))) {
        issues.push({
          path: `facts.${index}.payload.${key}`,
          code: 'invalid_instant',
          message: 'An instant is an ISO 8601 time with its offset (2026-12-07T08:00:00.000Z)',
        });
      }
    }
    for (const key of integerKeys) {
      const value = payload[key];
      if (typeof value === 'number' && Math.abs(value) > maxInteger) {
        issues.push({
          path: `facts.${index}.payload.${key}`,
          code: 'too_big',
          message: `At most ${maxInteger}`,
        });
      }
    }
  });
  return issues;
}
