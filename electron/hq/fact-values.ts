import type { ApiIssue } from '../../shared/api/errors';
import type { Fact } from '../../shared/head-office';
import type { FactBatch } from './ingest';

/**
 * What the wire's schemas leave open and PostgreSQL would refuse halfway through a batch: an
 * instant that is no ISO 8601 time, a number past the integer column it goes to, a string that
 * `jsonb` cannot hold (a NUL, half a surrogate pair), wherever it is in the fact. Found before
 * the transaction, so a bad batch is refused whole with the fact named, never half stored and
 * never an internal error.
 */

const instantKeys = ['soldAt', 'at', 'issuedAt', 'closedAt'] as const;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const maxInteger = 2 ** 31 - 1;
/** Receipt and report numbers, clerk and actor ids, tax rates: PostgreSQL `integer`. */
const integerKeys = new Set(['number', 'clerkId', 'actorId', 'taxRate']);
/**
 * Ids and amounts: PostgreSQL `bigint`, bounded here by the exact integers of JSON's numbers (a
 * shop's day refuses totals beyond them too).
 */
const bigintKeys = new Set([
  'saleId',
  'shiftId',
  'price',
  'dealerCost',
  'amount',
  'alertBelow',
  'dealerBalanceAfter',
]);
const maxBigint = Number.MAX_SAFE_INTEGER;
/** A surrogate without its pair. */
const halfCharacter = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** What `jsonb` cannot hold: a NUL, half a character. */
const notForJsonb = (text: string) => text.includes('\0') || halfCharacter.test(text);

/**
 * Every string and number of a value, with its path; numbers under a chained record's `content`
 * are the shop's own words (stored as they are), only its strings must fit `jsonb`.
 */
function* leaves(
  value: unknown,
  path: string,
  key: string,
  inContent: boolean,
): Generator<{ path: string; key: string; value: string | number; inContent: boolean }> {
  if (typeof value === 'string' || typeof value === 'number') {
    yield { path, key, value, inContent };
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      yield* leaves(item, `${path}.${index}`, key, inContent);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [name, item] of Object.entries(value)) {
      // A key is a string jsonb holds too.
      if (notForJsonb(name)) yield { path: `${path}.${name}`, key: name, value: name, inContent };
      yield* leaves(item, `${path}.${name}`, name, inContent || name === 'content');
    }
  }
}

function leafIssue(
  fact: Fact,
  leaf: { path: string; key: string; value: string | number; inContent: boolean },
): ApiIssue | null {
  const named = (message: string) => `Fact ${fact.id} (${fact.kind}): ${message}`;
  if (typeof leaf.value === 'string') {
    return notForJsonb(leaf.value)
      ? {
          path: leaf.path,
          code: 'invalid_string',
          message: named('a text holds a NUL character or half of a character'),
        }
      : null;
  }
  if (leaf.inContent) return null;
  const max = integerKeys.has(leaf.key) ? maxInteger : bigintKeys.has(leaf.key) ? maxBigint : null;
  if (max !== null && Math.abs(leaf.value) > max) {
    return { path: leaf.path, code: 'too_big', message: named(`at most ${max}`) };
  }
  return null;
}

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
          message: `Fact ${fact.id} (${fact.kind}): an instant is an ISO 8601 time with its offset (2026-12-07T08:00:00.000Z)`,
        });
      }
    }
    for (const leaf of leaves(payload, `facts.${index}.payload`, '', false)) {
      const issue = leafIssue(fact, leaf);
      if (issue) issues.push(issue);
    }
  });
  return issues;
}

/** The batch's own numbers beside its facts: the shop's backlog is an `integer` column. */
export function batchValueIssues(batch: Pick<FactBatch, 'backlog' | 'catalogVersion'>): ApiIssue[] {
  const issues: ApiIssue[] = [];
  if (batch.backlog > maxInteger) {
    issues.push({ path: 'backlog', code: 'too_big', message: `At most ${maxInteger}` });
  }
  if (batch.catalogVersion > maxBigint) {
    issues.push({ path: 'catalogVersion', code: 'too_big', message: `At most ${maxBigint}` });
  }
  return issues;
}
