import { database } from "@/db/client";
import { categoriesWithService, type CategoryWithService } from "@/db/queries/catalogue";
import { criticalPeriodsForReference } from "@/db/queries/critical-periods";
import { closuresForReference, currentReferenceVersion, teamsForReference } from "@/db/queries/reference-data";
import { loadRoutingRules } from "@/db/queries/routing-rules";
import type { CriticalPeriod } from "@/lib/domain/critical-periods";

/**
 * The reference data a filing reads, cached per process: routing rules (with their SLA policy codes), teams, calendar
 * closures, the catalogue's categories with their service, every critical period. Shared by every filing of the
 * process: read it, never change it.
 */
export type ReferenceData = {
  rules: Awaited<ReturnType<typeof loadRoutingRules>>;
  teams: Awaited<ReturnType<typeof teamsForReference>>;
  closures: Awaited<ReturnType<typeof closuresForReference>>;
  categories: readonly CategoryWithService[];
  criticalPeriods: readonly CriticalPeriod[];
};

let cached: { version: number; data: Promise<ReferenceData> } | null = null;

async function loadReferenceData(): Promise<ReferenceData> {
  const db = database();
  const [rules, teams, closures, categories, criticalPeriods] = await Promise.all([
    loadRoutingRules(db),
    teamsForReference(db),
    closuresForReference(db),
    categoriesWithService(db),
    criticalPeriodsForReference(db),
  ]);
  return { rules, teams, closures, categories, criticalPeriods };
}

/**
 * The reference data as committed now: one statement reads `reference_version` (bumped by a trigger on every write
 * to those tables, by whichever process or tool writes), and the data is read again only when it moved. Every web
 * process thus sees an edit of a rule, a team's hours, a closure, a category or a critical period at its next filing
 * after the edit's commit. A filing reads it once, so that all it takes from it is of the same version.
 * Read outside any transaction, on the pool: a transaction's own uncommitted writes never enter the cache. Data read
 * after a newer commit than its version is only read again once more.
 */
export async function referenceData(): Promise<ReferenceData> {
  const version = await currentReferenceVersion(database());
  if (cached?.version !== version) {
    const data = loadReferenceData();
    cached = { version, data };
    // A failed read is not kept: the next call reads again.
    data.catch(() => {
      if (cached?.data === data) cached = null;
    });
  }
  return cached.data;
}

/** The category with this code within the service with this code, as `findCategory` reads it, or null. */
export function referenceCategory(reference: ReferenceData, serviceCode: string, categoryCode: string): CategoryWithService | null {
  return reference.categories.find((row) => row.serviceCode === serviceCode && row.category.code === categoryCode) ?? null;
}
