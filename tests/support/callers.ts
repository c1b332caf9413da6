import { eq } from "drizzle-orm";
import { database } from "@/db/client";
import { users } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { loadCaller } from "@/lib/services/accounts/load-caller";

/** The caller a service sees for the account with this e-mail (a seeded one: the test fails loudly on a typo). */
export async function callerFor(email: string): Promise<Caller> {
  const [user] = await database().select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadCaller(user!.id))!;
}

/** The value of a service's result, or an error naming its failure. */
export async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; failure: unknown }>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(JSON.stringify(settled.failure));
  return settled.value;
}
