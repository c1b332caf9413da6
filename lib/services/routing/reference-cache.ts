import { database } from "@/db/client";
import { closuresForReference, currentReferenceVersion, teamsForReference } from "@/db/queries/reference-data";
import { loadRoutingRules } from "@/db/queries/routing-rules";

/** The reference data a filing reads, cached per process: routing rules (with their SLA policy codes), teams, calendar closures. */
export type ReferenceData = {
  rules: Awaited<ReturnType<typeof loadRoutingRules>>;
  teams: Awaited<ReturnType<typeof teamsForReference>>;
  closures: Awaited<ReturnType<typeof closuresForReference>>;
};

let cached: { version: number; data: Promise<ReferenceData> } | null = null;

async function loadReferenceData(): Promise<ReferenceData> {
  const db = database();
  const [rules, teams, closures] = await Promise.all([loadRoutingRules(db), teamsForReference(db), closuresForReference(db)]);
  return { rules, teams, closures };
}

/**
 * The reference data as committed now: one statement reads `reference_version` (bumped by a trigger on every write
 * to those tables, by whichever process or tool writes), and the data is read again only when it moved. Every web
 * process thus sees an edit of a rule, a team's hours or a closure at its next filing after the edit's commit.
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
