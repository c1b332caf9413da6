import { database } from "@/db/client";
import { findCategory } from "@/db/queries/catalogue";
import { recordedIdempotencyKey } from "@/db/queries/idempotency-keys";
import { filteringExceptionFacts } from "@/db/queries/registers";
import type { Caller } from "@/lib/domain/caller";
import { scopeIncludes } from "@/lib/domain/registers";
import { createTicket } from "../tickets/create-ticket";
import { IdempotencyKeyTaken, type IdempotencyClaim } from "../idempotency/idempotency-keys";
import { IDEMPOTENCY_WINDOW_MS } from "@/lib/http/idempotency-key";
import { fail, succeed, type ServiceResult } from "../service-result";
import { registerScopeOf } from "./read-registers";

/**
 * "Renouveler": files a new request of the exception's category for its school, with the same title, description
 * and answers (those the category still asks for), through the ordinary filing, so it is routed, approved and
 * recorded like the first. Only someone who files for the school may; an exception out of the caller's sight is not found.
 * A second click (a double click, or the same person again within a day) answers the request the first one filed:
 * the renewal is filed under an idempotency key of the person and the exception, as an API retry would be.
 */
export async function renewFilteringException(
  caller: Caller,
  exceptionId: string,
  now: Date,
): Promise<ServiceResult<{ reference: string }>> {
  const db = database();
  const exception = await filteringExceptionFacts(db, exceptionId);
  const scope = await registerScopeOf(db, caller);
  if (!exception || !scopeIncludes(scope, { id: exception.establishmentId, zoneId: exception.zoneId })) return fail({ kind: "not_found" });
  const category = await findCategory(db, exception.serviceCode, exception.categoryCode);
  if (!category) return fail({ kind: "not_found" });
  const asked = new Set(category.category.fields.map((field) => field.name));
  const claim: IdempotencyClaim = { userId: caller.id, key: `renew-filtering:${exception.id}`, fingerprint: "renew-filtering" };
  const filedBefore = async () => {
    const recorded = await recordedIdempotencyKey(db, claim.userId, claim.key, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS));
    return recorded ? succeed({ reference: (recorded.result as { reference: string }).reference }) : null;
  };
  const earlier = await filedBefore();
  if (earlier) return earlier;
  const renewal = createTicket(
    caller,
    {
      type: "request",
      serviceCode: exception.serviceCode,
      categoryCode: exception.categoryCode,
      establishmentUai: exception.uai,
      title: exception.ticketTitle,
      description: exception.ticketDescription,
      impact: exception.impact,
      urgency: exception.urgency,
      fields: Object.fromEntries(Object.entries(exception.ticketFields).filter(([name]) => asked.has(name))),
      ciIds: [],
    },
    [],
    now,
    undefined,
    { idempotency: claim },
  );
  try {
    return await renewal;
  } catch (error) {
    // The other click committed first: its request is the renewal.
    if (error instanceof IdempotencyKeyTaken) return (await filedBefore()) ?? Promise.reject(error);
    throw error;
  }
}
