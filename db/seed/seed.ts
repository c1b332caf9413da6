import type { Database } from "@/db/client";
import { seedDemoAccounts } from "./demo-accounts";
import { seedDemoPlanning } from "./demo-planning";
import { seedInventory } from "./inventory";
import { seedDemoArticles, seedServiceAdvice } from "./knowledge";
import { seedReference, seedRoutingRules } from "./reference";

export type SeedOptions = { demo: boolean };

/**
 * Loads reference data, and with `demo` the demo accounts and a generated inventory.
 * Idempotent: every insert is keyed on a natural key, so a second run changes nothing.
 */
export async function seed(db: Database, { demo }: SeedOptions): Promise<void> {
  await db.transaction(async (tx) => {
    await seedReference(tx);
    await seedRoutingRules(tx);
    await seedServiceAdvice(tx);
    await seedInventory(tx, { generated: demo });
    if (demo) await seedDemoAccounts(tx);
    if (demo) await seedDemoPlanning(tx);
    if (demo) await seedDemoArticles(tx);
  });
}
