import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../shared/head-office';
import { describeIssue } from '../errors';

type StuckChange = NonNullable<SyncStatus['catalog']['stuck']>;
type RefusedFact = NonNullable<SyncStatus['refusedFact']>;

/**
 * A carrier book's refusal worded whole by its code (electron/carriers/book.ts), its first
 * issue's params in the words: one that names no field, or one whose field (the profile's
 * currency) the manager cannot edit in a profile the head office sets.
 */
const stuckCodeKeys = {
  no_shop_folder: 'sync.stuckReasons.no_shop_folder',
  foreign_currency: 'sync.stuckReasons.foreign_currency',
} as const;

/**
 * Why a catalog change could not be applied, in the manager's language: the refusal's code
 * when the screen words it whole, else each field at fault as the carrier editor words it (the
 * plan it names, else its path); the carrier book's English message only for a failure the
 * screen has no words for.
 */
export function stuckReason(t: TFunction, stuck: StuckChange): string {
  if (stuck.code !== undefined && Object.hasOwn(stuckCodeKeys, stuck.code)) {
    return t(stuckCodeKeys[stuck.code as keyof typeof stuckCodeKeys], {
      ...stuck.issues?.[0]?.params,
    });
  }
  if (stuck.issues && stuck.issues.length > 0) {
    return stuck.issues
      .map((issue) =>
        t('sync.status.stuckIssue', {
          field: issue.params?.plan ?? issue.path,
          words: describeIssue(t, issue),
        }),
      )
      .join(' ');
  }
  return stuck.message;
}

/** Each kind of fact the outbox sends (shared/head-office.ts `factPayloads`), with its article. */
const factKindKeys = {
  sale: 'sync.factKinds.sale',
  receipt: 'sync.factKinds.receipt',
  refund: 'sync.factKinds.refund',
  cashMovement: 'sync.factKinds.cashMovement',
  dealerBalance: 'sync.factKinds.dealerBalance',
  zReport: 'sync.factKinds.zReport',
  periodClosure: 'sync.factKinds.periodClosure',
  audit: 'sync.factKinds.audit',
  booksCheck: 'sync.factKinds.booksCheck',
} as const;

/**
 * The fact the head office refuses for good, for the manager: which one (its kind, id and when
 * the shop recorded it, `when` giving the shop's zone), and the head office's reasons, each by
 * its field: in the head office's terms when the screen has words for its code
 * (`sync.factIssues`), else as any form words that code; a kind the screen has no word for is
 * named by a generic one.
 */
export function refusedFactText(
  t: TFunction,
  fact: RefusedFact,
  when: (instant: string) => string,
): { summary: string; reasons: string[] } {
  const kind = Object.hasOwn(factKindKeys, fact.kind)
    ? t(factKindKeys[fact.kind as keyof typeof factKindKeys])
    : t('sync.factKinds.other');
  return {
    summary: t('sync.status.refusedFact', { kind, id: fact.id, when: when(fact.recordedAt) }),
    // Each said once: two checks of the head office may find the same thing.
    reasons: [
      ...new Set(
        fact.issues.map((issue) =>
          t('sync.status.refusedIssue', {
            field: issue.path,
            words: t(`sync.factIssues.${issue.code}`, {
              defaultValue: describeIssue(t, issue),
            }),
          }),
        ),
      ),
    ],
  };
}
