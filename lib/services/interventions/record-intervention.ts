import { eq } from "drizzle-orm";
import { vendorOfTeams } from "@/db/queries/vendors";
import { interventionCis, interventions, tickets } from "@/db/schema";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { startedAtProblem, type NewIntervention } from "@/lib/domain/interventions";
import { recordAudit } from "../audit/record-audit";
import { schoolEquipment } from "../cmdb/school-equipment";
import { journalNote } from "../desk/ticket-operations";
import { deskAction, lockWorkable } from "../desk/workable-ticket";
import { refuse } from "../refusal";

/**
 * Records an intervention on a ticket: by the desk's staff who may work it, or by the vendor's agent
 * while the ticket waits for its vendor (lib/domain/vendor-access.ts). The intervention, the equipment
 * it touched (the ticket's school's only), an internal journal entry and the audit row are written
 * together, or nothing is.
 */
export function recordIntervention(caller: Caller, reference: string, input: NewIntervention, now: Date, actor: AuditActor) {
  return deskAction(caller, now, async (context) => {
    const ticket = await lockWorkable(context, reference, ["record_intervention"]);
    if (ticket.status === "cancelled") refuse({ kind: "conflict", message: "interventions.errors.cancelled" });
    const problem = startedAtProblem(input.startedAt, now);
    if (problem) refuse({ kind: "invalid", message: problem, errors: [{ field: "startedAt", message: problem }] });
    const equipment = await schoolEquipment(context.tx, ticket.establishmentId, input.ciIds);
    if (!equipment.ok) refuse(equipment.failure);
    const cis = equipment.value;
    // A vendor's agent records as its vendor (the vendor of its team).
    const vendor = context.caller.role === "vendor_agent" ? await vendorOfTeams(context.tx, context.caller.teamIds) : null;
    const vendorId = vendor?.id ?? null;

    const [created] = await context.tx
      .insert(interventions)
      .values({
        ticketId: ticket.id,
        establishmentId: ticket.establishmentId,
        authorId: caller.id,
        vendorId,
        mode: input.mode,
        startedAt: input.startedAt,
        minutes: input.minutes,
        travelMinutes: input.travelMinutes,
        summary: input.summary,
        details: input.details ?? null,
        createdAt: now,
      })
      .returning();
    if (!created) throw new Error("insert returned no row");
    const intervention = created;
    if (cis.length > 0)
      await context.tx.insert(interventionCis).values(cis.map((ci) => ({ interventionId: intervention.id, ciId: ci.id })));
    await context.tx.update(tickets).set({ updatedAt: now }).where(eq(tickets.id, ticket.id));
    // Internal: the school reads the summary in the ticket's interventions, the journal tells the desk who recorded what.
    await journalNote(context, ticket, intervention.summary, {
      intervention: {
        id: intervention.id,
        mode: intervention.mode,
        minutes: intervention.minutes,
        travelMinutes: intervention.travelMinutes,
        startedAt: intervention.startedAt.toISOString(),
      },
      cis: cis.map((ci) => ci.name),
    });
    await recordAudit(context.tx, actor, {
      action: "intervention.recorded",
      objectType: "intervention",
      objectId: intervention.id,
      after: {
        reference: ticket.reference,
        mode: intervention.mode,
        startedAt: intervention.startedAt.toISOString(),
        minutes: intervention.minutes,
        travelMinutes: intervention.travelMinutes,
        vendorId,
        ciIds: cis.map((ci) => ci.id),
      },
    });
    return {
      ...intervention,
      cis,
      vendorName: vendor?.name ?? null,
      author: { id: caller.id, name: caller.name },
      reference: ticket.reference,
    };
  });
}
