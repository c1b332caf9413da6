import { sql, type SQL } from "drizzle-orm";
import { configurationItems as ci } from "@/db/schema";
import { REGION_WARRANTY_YEARS } from "@/lib/domain/ci-lifecycle";

/**
 * lib/domain/ci-lifecycle.ts's rules as SQL over configuration_items, for lists and dashboards that
 * filter or count thousands of items in PostgreSQL (integration tests check them against lifecycleOf()).
 */

/** When the item's life starts: its delivery, else its purchase. */
export const ciStartDate = sql`coalesce(${ci.deliveryDate}, ${ci.purchaseDate})`;

/** lifecycleOf().warrantyEnd: the override, else the Région's years for the class from the start date. */
export function ciWarrantyEnd(): SQL {
  const rules = Object.entries(REGION_WARRANTY_YEARS).map(
    ([ciClass, years]) =>
      sql`when ${ci.funding} = 'region' and ${ci.class} = ${ciClass}::ci_class then (${ciStartDate} + make_interval(years => ${years}::int))::date`,
  );
  return sql`coalesce(${ci.warrantyEndOverride}, case ${sql.join(rules, sql` `)} end)`;
}
