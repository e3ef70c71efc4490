/**
 * A year of the chain's books for the month report's bench, made inside PostgreSQL: the read
 * models the ingest keeps (sales, refunds, day_totals) filled for the days before the month the
 * bench pushed through the real ingest, with the same shops, plans, tills and clerks and the
 * same share of failed and pending sales (bench/head-office-facts.ts). Pushing eleven more months
 * through the ingest would take an hour here and measure nothing new; what the month report
 * reads is these tables, whichever way their rows came.
 */
import type { Pool } from 'pg';
import { benchPlans } from './head-office-facts';

export interface YearFill {
  /** The first and the day after the last local day to fill (`YYYY-MM-DD`). */
  from: string;
  until: string;
  salesPerDay: number;
}

/**
 * Fills every shop already in `shops`. Sale ids start above any the ingested month used. Sales
 * are spread over 07:00 to 18:00 local time, as the bench's shops sell.
 */
export async function fillYear(pool: Pool, fill: YearFill): Promise<{ sales: number }> {
  const plans = {
    ids: benchPlans.map((plan) => plan.id),
    names: benchPlans.map((plan) => plan.name),
    prices: benchPlans.map((plan) => plan.price),
    costs: benchPlans.map((plan) => plan.dealerCost),
  };
  const inserted = await pool.query(
    `INSERT INTO sales (shop_id, sale_id, till_id, status, clerk_id, clerk_name, carrier_id,
       plan_id, plan_name, price, dealer_cost, tax_rate, currency, payment_method, modem_id,
       sold_at, local_day, updated_at, resolved_by, refunded)
     SELECT s.id, 10000000 + d.n * $3 + i, CASE WHEN i % 2 = 0 THEN 'counter-02' END,
       CASE WHEN (i * 7919 + d.n) % 1000 < 20 THEN 'failed'
            WHEN (i * 7919 + d.n) % 1000 < 25 THEN 'unknown' ELSE 'succeeded' END,
       i % 4 + 1, (ARRAY['Anaïs', 'Wei', 'Kalolaine', 'Marc'])[i % 4 + 1], 'nc-demo',
       ($4::text[])[(i * 31 + d.n) % 5 + 1], ($5::text[])[(i * 31 + d.n) % 5 + 1],
       ($6::bigint[])[(i * 31 + d.n) % 5 + 1], ($7::bigint[])[(i * 31 + d.n) % 5 + 1],
       NULL, s.currency, CASE WHEN i % 3 = 0 THEN 'cash' ELSE 'card' END, 'sim-' || (i % 4 + 1),
       sold, d.day, sold, NULL, (i * 7919 + d.n) % 1000 < 20
     FROM shops s
     CROSS JOIN LATERAL (
       SELECT day::date, row_number() OVER (ORDER BY day) AS n
       FROM generate_series($1::date, $2::date - 1, interval '1 day') AS day) d
     CROSS JOIN generate_series(0, $3 - 1) AS i
     CROSS JOIN LATERAL (
       SELECT ((d.day + time '07:00' + i * (interval '11 hours' / $3)) AT TIME ZONE s.zone) AS sold) t`,
    [fill.from, fill.until, fill.salesPerDay, plans.ids, plans.names, plans.prices, plans.costs],
  );
  await pool.query(
    `INSERT INTO refunds (shop_id, fact_id, sale_id, till_id, amount, currency, method, reason, at,
       local_day)
     SELECT shop_id, gen_random_uuid(), sale_id, till_id, price, currency, payment_method,
       'The carrier refused the top-up', sold_at, local_day
     FROM sales WHERE status = 'failed' AND local_day >= $1 AND local_day < $2`,
    [fill.from, fill.until],
  );
  // The totals as the ingest keeps them: succeeded sales on their day, refunds on theirs.
  await pool.query(
    `INSERT INTO day_totals (shop_id, local_day, till_id, clerk_id, clerk_name, carrier_id,
       plan_id, plan_name, currency, sales, amount, dealer_cost, refunds, refunded)
     SELECT shop_id, local_day, coalesce(till_id, ''), clerk_id, max(clerk_name), max(carrier_id),
       plan_id, max(plan_name), max(currency),
       count(*) FILTER (WHERE status = 'succeeded'),
       coalesce(sum(price) FILTER (WHERE status = 'succeeded'), 0),
       coalesce(sum(dealer_cost) FILTER (WHERE status = 'succeeded'), 0),
       count(*) FILTER (WHERE status = 'failed'),
       coalesce(sum(price) FILTER (WHERE status = 'failed'), 0)
     FROM sales WHERE local_day >= $1 AND local_day < $2
     GROUP BY shop_id, local_day, coalesce(till_id, ''), clerk_id, plan_id`,
    [fill.from, fill.until],
  );
  await pool.query('ANALYZE');
  return { sales: inserted.rowCount ?? 0 };
}
