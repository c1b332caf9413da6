import { z } from "zod";
import type { Executor } from "@/db/client";
import { registerTicketFacts, schoolAccountByEmail } from "@/db/queries/registers";
import { delegations, filteringExceptions } from "@/db/schema";
import { parisDay } from "@/lib/domain/business-calendar";
import {
  DELEGATION_CATEGORY,
  FILTERING_CATEGORY,
  delegationPeriod,
  filteringDecisionOf,
  filteringPeriod,
  nextAnniversary,
} from "@/lib/domain/registers";

/** The SEC-FILTRAGE answers the register reads (validated at filing by the category's own fields). */
const filteringAnswers = z.object({ url: z.string(), decision: z.string(), duration_days: z.coerce.number().int().min(1) });
/** The SRV-DELEGATION answers the register reads; the address is optional (a person without an account). */
const delegationAnswers = z.object({
  person: z.string(),
  person_email: z.string().optional(),
  scope: z.string(),
  actions: z.string(),
  end_date: z.iso.date(),
});

export type RecordedEntry = { kind: "filtering" | "delegation"; id: string } | null;

/**
 * Writes the register entry an approved request makes, in the approval's transaction (issue 15): a filtering
 * exception for SEC-FILTRAGE (from the approval's Paris day, for the days asked), a delegation for SRV-DELEGATION
 * (from that day to its end date, reviewed at each anniversary; the delegate's account found by the address given,
 * among the school's active accounts). Nothing for other categories, for answers that do not fit, or for a
 * delegation whose end date has come. One entry per ticket: a second call is a no-op (null).
 */
export async function recordRegisterEntry(
  tx: Executor,
  input: { ticketId: string; approvedById: string | null; approvedAt: Date },
): Promise<RecordedEntry> {
  const ticket = await registerTicketFacts(tx, input.ticketId);
  if (!ticket) return null;
  const approvedOn = parisDay(input.approvedAt);
  const approval = {
    establishmentId: ticket.establishmentId,
    ticketId: ticket.id,
    approvedById: input.approvedById,
    approvedAt: input.approvedAt,
  };

  if (ticket.categoryCode === FILTERING_CATEGORY) {
    const answers = filteringAnswers.safeParse(ticket.fields);
    if (!answers.success) return null;
    const [row] = await tx
      .insert(filteringExceptions)
      .values({
        ...approval,
        url: answers.data.url,
        decision: filteringDecisionOf(answers.data.decision),
        ...filteringPeriod(approvedOn, answers.data.duration_days),
        createdAt: input.approvedAt,
      })
      .onConflictDoNothing({ target: filteringExceptions.ticketId })
      .returning({ id: filteringExceptions.id });
    return row ? { kind: "filtering", id: row.id } : null;
  }

  if (ticket.categoryCode === DELEGATION_CATEGORY) {
    const answers = delegationAnswers.safeParse(ticket.fields);
    if (!answers.success) return null;
    const period = delegationPeriod(approvedOn, answers.data.end_date);
    if (!period) return null;
    const email = answers.data.person_email?.trim();
    const delegate = email ? await schoolAccountByEmail(tx, ticket.establishmentId, email) : null;
    const [row] = await tx
      .insert(delegations)
      .values({
        ...approval,
        delegateId: delegate?.id ?? null,
        delegateName: answers.data.person,
        scope: answers.data.scope,
        actions: answers.data.actions,
        ...period,
        reviewDueOn: nextAnniversary(period.startsOn),
        createdAt: input.approvedAt,
      })
      .onConflictDoNothing({ target: delegations.ticketId })
      .returning({ id: delegations.id });
    return row ? { kind: "delegation", id: row.id } : null;
  }
  return null;
}
