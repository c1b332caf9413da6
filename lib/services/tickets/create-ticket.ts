import { database } from "@/db/client";
import { findCategory } from "@/db/queries/catalogue";
import { criticalPeriodsOn } from "@/db/queries/critical-periods";
import { establishmentByUai } from "@/db/queries/establishments";
import { nextTicketReference } from "@/db/queries/ticket-reference";
import { ticketCis, ticketEvents, tickets } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { filingFlags, filingRefusal } from "@/lib/domain/filing-rules";
import { canFileTicketFor } from "@/lib/domain/permissions";
import { raiseImpact } from "@/lib/domain/ci-impact";
import { parisDay } from "@/lib/domain/business-calendar";
import { criticalPeriodPriority } from "@/lib/domain/critical-periods";
import { priorityOf } from "@/lib/domain/priority";
import { categoryAnswersSchema } from "@/lib/schemas/category-fields";
import { fieldErrors } from "@/lib/schemas/field-errors";
import type { CreateTicketInput } from "@/lib/schemas/tickets";
import { discardStoredFiles, inspectAttachments, recordAttachments, storeFiles, type IncomingFile } from "./attachments";
import { afterCommit } from "../after-commit";
import { recordTicketNotifications } from "../mail/notifications";
import { applyRouting, decideRouting, routingFacts } from "../routing/route-ticket";
import { refreshSla } from "../sla/refresh-sla";
import { fail, succeed, type ServiceResult } from "../service-result";
import { schoolEquipment } from "../cmdb/school-equipment";
import { recordIdempotencyKey, type IdempotencyClaim } from "../idempotency/idempotency-keys";

/**
 * Files a ticket: checks who may file for the school, that the category exists and is open to it,
 * its own fields, the equipment and the attachments; then writes the ticket, its links, its first
 * journal entry, its files and its e-mail in one transaction, and enqueues the e-mail after commit.
 * Under an idempotency claim, the key is recorded in that transaction (a racing retry rolls it back).
 */
export async function createTicket(
  caller: Caller,
  input: CreateTicketInput,
  attachments: IncomingFile[],
  now: Date,
  idempotency?: IdempotencyClaim,
): Promise<ServiceResult<{ reference: string }>> {
  const db = database();
  const establishment = await establishmentByUai(db, input.establishmentUai);
  if (!establishment)
    return fail({
      kind: "unprocessable",
      message: "forms.errors.noSchoolWithUai",
      values: { uai: input.establishmentUai },
      errors: [{ field: "establishmentUai", message: "forms.errors.unknownUai" }],
    });
  if (!canFileTicketFor(caller, establishment.id)) return fail({ kind: "forbidden", message: "tickets.errors.fileForbidden" });

  const found = await findCategory(db, input.serviceCode, input.categoryCode);
  if (!found) {
    return fail({
      kind: "unprocessable",
      message: "tickets.errors.noSuchCategory",
      values: { service: input.serviceCode, category: input.categoryCode },
      errors: [{ field: "categoryCode", message: "tickets.errors.unknownCategory" }],
    });
  }
  const { category } = found;
  if (category.type !== input.type) {
    return fail({
      kind: "unprocessable",
      message: "tickets.errors.categoryType",
      values: { category: category.code, type: category.type },
      errors: [{ field: "type", message: "tickets.errors.typeExpected", values: { type: category.type } }],
    });
  }
  const refusal = filingRefusal(category, establishment.supportMode, now);
  if (refusal)
    return fail({
      kind: "unprocessable",
      message: refusal.message,
      values: refusal.values,
      errors: [{ field: "categoryCode", message: refusal.message, values: refusal.values }],
    });

  const answers = categoryAnswersSchema(category.fields).safeParse(input.fields);
  if (!answers.success)
    return fail({ kind: "invalid", message: "tickets.errors.categoryFieldsInvalid", errors: fieldErrors(answers.error, "fields") });

  const equipment = await schoolEquipment(db, establishment.id, input.ciIds);
  if (!equipment.ok) return equipment;
  const ciIds = equipment.value.map((ci) => ci.id);
  // Critical equipment (core switch, server…) raises the impact to its floor: lib/domain/ci-impact.ts.
  const impact = raiseImpact(
    input.impact,
    equipment.value.map((ci) => ci.criticality),
  );
  // During an exam period covering the school, an incident gets the period's floor (lib/domain/critical-periods.ts);
  // the routing rule's floor may raise it further.
  const critical = criticalPeriodPriority(
    await criticalPeriodsOn(db, parisDay(now)),
    { type: input.type, establishmentId: establishment.id, priority: priorityOf(impact, input.urgency) },
    now,
  );

  const inspected = await inspectAttachments(attachments);
  if (!inspected.ok) {
    return fail({
      kind: "invalid",
      message: "tickets.errors.attachmentRefused",
      errors: inspected.problems.map((problem) => ({ field: "attachments", message: problem.message, values: problem.values })),
    });
  }

  const stored = await storeFiles(inspected.files, now);
  try {
    const { reference, outboxIds, slaSchedules } = await db.transaction(async (tx) => {
      const reference = await nextTicketReference(tx, now);
      if (idempotency) await recordIdempotencyKey(tx, idempotency, { reference }, now);
      const [ticket] = await tx
        .insert(tickets)
        .values({
          reference,
          type: input.type,
          status: "new",
          priority: critical.priority,
          criticalPeriodId: critical.period?.id ?? null,
          impact,
          urgency: input.urgency,
          title: input.title,
          description: input.description,
          fields: answers.data,
          flags: filingFlags(category, ciIds.length),
          establishmentId: establishment.id,
          requesterId: caller.id,
          serviceId: found.serviceId,
          categoryId: category.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: tickets.id });
      if (ciIds.length) await tx.insert(ticketCis).values(ciIds.map((ciId) => ({ ticketId: ticket!.id, ciId })));
      const [event] = await tx
        .insert(ticketEvents)
        .values({
          ticketId: ticket!.id,
          kind: "created",
          visibility: "public",
          authorId: caller.id,
          body: input.description,
          createdAt: now,
          data: impact !== input.impact ? { impactRaised: { from: input.impact, to: impact } } : {},
        })
        .returning({ id: ticketEvents.id });
      await recordAttachments(tx, { ticketId: ticket!.id, eventId: event!.id, uploadedById: caller.id, files: stored });
      const facts = await routingFacts(tx, {
        type: input.type,
        categoryId: category.id,
        establishmentId: establishment.id,
        ciIds,
        priority: critical.priority,
      });
      const decision = await decideRouting(tx, facts);
      const routed = await applyRouting(tx, ticket!.id, decision, null, now);
      const sla = await refreshSla(tx, ticket!.id, now);
      const outboxIds = await recordTicketNotifications(
        tx,
        [
          { kind: "created", ticketId: ticket!.id, eventId: event!.id },
          // Watching teams (the Académie's RSSI on a security incident) are told at once.
          ...(decision.watcherTeamCodes.length ? [{ kind: "watched" as const, ticketId: ticket!.id, eventId: routed.eventId }] : []),
        ],
        now,
      );
      return { reference, outboxIds, slaSchedules: [sla] };
    });
    await afterCommit({ outboxIds, slaSchedules });
    return succeed({ reference });
  } catch (error) {
    await discardStoredFiles(stored);
    throw error;
  }
}
