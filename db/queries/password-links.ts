import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { passwordLinks, users } from "@/db/schema";

/**
 * The password link of that hash with its account, as a query: awaited as is to read it, or with
 * `.for("update")` by the service that consumes it.
 */
export function passwordLinkByHash(db: Executor, tokenHash: string) {
  return db
    .select({
      id: passwordLinks.id,
      purpose: passwordLinks.purpose,
      expiresAt: passwordLinks.expiresAt,
      usedAt: passwordLinks.usedAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      disabledAt: users.disabledAt,
    })
    .from(passwordLinks)
    .innerJoin(users, eq(users.id, passwordLinks.userId))
    .where(eq(passwordLinks.tokenHash, tokenHash));
}
