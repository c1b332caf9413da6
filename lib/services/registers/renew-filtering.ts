import { database } from "@/db/client";
import { findCategory } from "@/db/queries/catalogue";
import { filteringExceptionFacts } from "@/db/queries/registers";
import type { Caller } from "@/lib/domain/caller";
import { scopeIncludes } from "@/lib/domain/registers";
import { createTicket } from "../tickets/create-ticket";
import { fail, type ServiceResult } from "../service-result";
import { registerScopeOf } from "./read-registers";

/**
 * "Renouveler": files a new request of the exception's category for its school, with the same title, description
 * and answers (those the category still asks for), through the ordinary filing, so it is routed, approved and
 * recorded like the first. Only someone who files for the school may; an exception out of the caller's sight is not found.
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
  return createTicket(
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
  );
}
