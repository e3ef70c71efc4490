import type { PgMigration } from '../migrate';

/**
 * The day totals count paid sales as the shop's Z report does, a failed or pending one too (its
 * refund is counted apart), while the margin stays that of the top-ups done: a column of its
 * own. Until now only succeeded sales were counted, so their margin is the amount less the cost.
 */
export const pgMigration0003: PgMigration = {
  version: 3,
  name: 'day-margin',
  sql: `
    ALTER TABLE day_totals ADD COLUMN margin bigint NOT NULL DEFAULT 0;
    UPDATE day_totals SET margin = amount - dealer_cost;
  `,
};
