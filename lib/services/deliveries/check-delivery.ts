import { and, eq, inArray } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { deliveryById, type DeliveryRecord } from "@/db/queries/deliveries";
import { configurationItems, deliveries, deliveryItems, deliveryLines, deliveryReplacements } from "@/db/schema";
import { storedText } from "@/i18n/text";
import type { AuditActor } from "@/lib/domain/audit";
import { parisDay } from "@/lib/domain/business-calendar";
import type { Caller } from "@/lib/domain/caller";
import { canCheckDelivery, canSeeDelivery, planCheck, type CheckedLine } from "@/lib/domain/deliveries";
import type { CheckDeliveryInput } from "@/lib/schemas/deliveries";
import { logger } from "@/lib/logger";
import { recordAudit } from "../audit/record-audit";
import { recordHistory, type CiSource } from "../cmdb/ci-transaction";
import { insertCi } from "../cmdb/save-ci";
import { Refusal, refusableTransaction, refuse } from "../refusal";
import { fail, succeed, type ServiceFailure, type ServiceResult } from "../service-result";
import { createTicket } from "../tickets/create-ticket";
import { readDelivery, type DeliveryView } from "./read-deliveries";

/** Locks a delivery for its check or its deeming, and loads it. */
export async function lockDelivery(tx: Executor, id: string): Promise<DeliveryRecord | null> {
  const [row] = await tx.select({ id: deliveries.id }).from(deliveries).where(eq(deliveries.id, id)).for("update");
  return row ? deliveryById(tx, id) : null;
}

/**
 * The accepted items become configuration items of the school, through the inventory's own creation (its checks
 * and history): the line's class and model, the serial (also the item's name, unique as serials are), the
 * delivery day (so the lifecycle rules give the warranty, 5 years for PCs and 3 for laptops, and the ownership
 * transfer), status stock until installed, the planned room. The old items a line replaces become obsolete and
 * go on the school's recycling list.
 */
export async function inventoryAccepted(
  tx: Executor,
  delivery: DeliveryRecord,
  accepted: ReadonlyArray<{ lineId: string; serials: readonly string[]; replaces: readonly string[] }>,
  who: { authorId: string | null; source: CiSource },
  now: Date,
): Promise<number> {
  let created = 0;
  for (const entry of accepted) {
    const line = delivery.lines.find((candidate) => candidate.id === entry.lineId)!;
    for (const serial of entry.serials) {
      const item = await insertCi(
        tx,
        {
          name: serial,
          class: line.class,
          establishmentId: delivery.establishmentId,
          building: null,
          room: line.room,
          status: "stock",
          criticality: "low",
          brand: null,
          model: line.model,
          serialNumber: serial,
          assetNumber: null,
          regionNumber: null,
          purchaseDate: null,
          deliveryDate: delivery.deliveredOn,
          warrantyEndOverride: null,
          funding: "region",
          maintainerId: null,
          parentId: null,
          notes: storedText("deliveries.ciNote", { supplier: delivery.supplier }),
          attributes: {},
        },
        who,
        now,
      );
      await tx.insert(deliveryItems).values({ lineId: line.id, ciId: item.id });
      created++;
    }
    if (entry.replaces.length) {
      const old = await tx
        .select({ id: configurationItems.id, status: configurationItems.status })
        .from(configurationItems)
        .where(and(inArray(configurationItems.id, [...entry.replaces]), eq(configurationItems.establishmentId, delivery.establishmentId)))
        .for("update");
      if (old.length !== entry.replaces.length || old.some((item) => item.status === "disposed"))
        refuse({
          kind: "unprocessable",
          message: "deliveries.errors.replacesNotOfSchool",
          errors: [{ field: "lines", message: "deliveries.errors.replacesNotOfSchool" }],
        });
      await tx
        .update(configurationItems)
        .set({ status: "obsolete", updatedAt: now })
        .where(inArray(configurationItems.id, [...entry.replaces]));
      await tx
        .insert(deliveryReplacements)
        .values(entry.replaces.map((ciId) => ({ ciId, lineId: line.id, replacedAt: now })))
        .onConflictDoNothing();
      await recordHistory(
        tx,
        old.map((item) => ({ ciId: item.id, changes: [{ field: "status", from: item.status, to: "obsolete" }] })),
        who.authorId,
        who.source,
        now,
      );
    }
  }
  return created;
}

function anomalyText(delivery: DeliveryRecord, lines: CheckedLine[]): string {
  const t = (key: string, values?: Record<string, string | number>) => storedText(`deliveries.ticket.${key}`, values);
  const rows = lines
    .filter((line) => line.anomaly !== null)
    .map((checked) => {
      const line = delivery.lines.find((candidate) => candidate.id === checked.id)!;
      const parts = [
        t("line", {
          position: line.position,
          label: line.label,
          model: line.model,
          quantity: line.quantity,
          received: checked.received,
          anomaly: storedText(`deliveries.anomalies.${checked.anomaly}`),
        }),
      ];
      if (checked.anomalySerials.length) parts.push(t("serials", { serials: checked.anomalySerials.join(", ") }));
      if (checked.note) parts.push(t("note", { note: checked.note }));
      return `- ${parts.join(" ")}`;
    });
  return [t("intro", { supplier: delivery.supplier, day: delivery.deliveredOn }), ...rows].join("\n");
}

/**
 * The school's check of a delivery (its staff, or an admin), once, from its delivery day: every line's quantity
 * received, serials and anomaly. The accepted items enter the inventory in the same transaction; anomalies
 * (missing, wrong model, damaged) open one EQUIP-LIVRAISON ticket listing the lines concerned, routed as any
 * ticket of that category, in that transaction too. 404 when not the caller's to see, 403 when seen but not theirs to check,
 * 409 when already checked or deemed compliant, or not delivered yet.
 */
export async function checkDelivery(
  caller: Caller,
  id: string,
  input: CheckDeliveryInput,
  actor: AuditActor,
  source: CiSource,
  now: Date,
): Promise<ServiceResult<DeliveryView<DeliveryRecord>>> {
  const seen = await deliveryById(database(), id);
  const refusal = checkRefusal(caller, seen, now);
  if (refusal) return fail(refusal);
  const delivery = seen!;
  const plan = planCheck(
    delivery.lines.map((line) => ({ id: line.id, quantity: line.quantity, model: line.model, expectedSerials: line.expectedSerials })),
    input.lines,
  );
  if (!plan.ok)
    return fail({
      kind: "invalid",
      message: "deliveries.errors.checkLines",
      errors: plan.errors.map((error) => ({ field: error.field, message: error.message, values: error.values })),
    });
  // Writes the check under the delivery's lock, refused if another check or the deeming came first.
  const record = async (tx: Executor, ticketId: string | null) => {
    const locked = await lockDelivery(tx, id);
    const late = checkRefusal(caller, locked, now);
    if (late) refuse(late);
    await recordCheck(tx, caller, delivery, plan.lines, { anomalies: plan.anomalies, ticketId, actor, source, now });
  };
  if (plan.anomalies) {
    // The anomalies' ticket and the check commit together: the check is written in the ticket's transaction.
    try {
      const filed = await createTicket(caller, anomalyTicketInput(delivery, plan.lines), [], now, actor, {
        alsoInTransaction: (tx, { ticketId }) => record(tx, ticketId),
      });
      if (filed.ok) return succeed((await readDelivery(caller, id, now))!);
      // The category refused the filing (closed to this school…): the check stands, and the refusal is logged.
      logger.error({ deliveryId: id, failure: filed.failure }, "the delivery's anomaly ticket was refused");
    } catch (error) {
      if (error instanceof Refusal) return fail(error.failure);
      throw error;
    }
  }
  const checked = await refusableTransaction((tx) => record(tx, null));
  if (!checked.ok) return checked;
  return succeed((await readDelivery(caller, id, now))!);
}

/** Why the caller may not check this delivery now: 404 unseen, 403 not theirs to check, 409 checked or not delivered yet. */
function checkRefusal(caller: Caller, delivery: DeliveryRecord | null, now: Date): ServiceFailure | null {
  if (!delivery || !canSeeDelivery(caller, delivery.establishmentId)) return { kind: "not_found" };
  if (!canCheckDelivery(caller, delivery.establishmentId)) return { kind: "forbidden", message: "deliveries.errors.checkForbidden" };
  if (delivery.state !== "delivered") return { kind: "conflict", message: `deliveries.errors.already.${delivery.state}` };
  if (parisDay(now) < delivery.deliveredOn) return { kind: "conflict", message: "deliveries.errors.notDeliveredYet" };
  return null;
}

/** The check's writes: each line's findings, the accepted items into the inventory, the delivery's state and its audit row. */
async function recordCheck(
  tx: Executor,
  caller: Caller,
  delivery: DeliveryRecord,
  lines: CheckedLine[],
  context: { anomalies: boolean; ticketId: string | null; actor: AuditActor; source: CiSource; now: Date },
) {
  for (const line of lines)
    await tx
      .update(deliveryLines)
      .set({
        received: line.received,
        receivedSerials: line.serials,
        anomaly: line.anomaly,
        anomalySerials: line.anomalySerials,
        anomalyNote: line.note,
      })
      .where(eq(deliveryLines.id, line.id));
  const created = await inventoryAccepted(
    tx,
    delivery,
    lines.map((line) => ({ lineId: line.id, serials: line.accepted, replaces: line.replaces })),
    { authorId: caller.id, source: context.source },
    context.now,
  );
  const state = context.anomalies ? "with_anomalies" : "checked";
  await tx
    .update(deliveries)
    .set({ state, checkedById: caller.id, checkedAt: context.now, ticketId: context.ticketId })
    .where(eq(deliveries.id, delivery.id));
  await recordAudit(tx, context.actor, {
    action: "delivery.checked",
    objectType: "delivery",
    objectId: delivery.id,
    before: { state: delivery.state },
    after: {
      state,
      items: created,
      anomalies: lines.filter((line) => line.anomaly).map((line) => ({ id: line.id, anomaly: line.anomaly })),
    },
  });
}

/** The anomalies' ticket: filed as the checker (the school's staff file for their school), EQUIP-LIVRAISON, routed by the rules. */
function anomalyTicketInput(delivery: DeliveryRecord, lines: CheckedLine[]) {
  const description = anomalyText(delivery, lines);
  return {
    type: "incident" as const,
    serviceCode: "EQUIPEMENT",
    categoryCode: "EQUIP-LIVRAISON",
    establishmentUai: delivery.uai,
    title: storedText("deliveries.ticket.title", { supplier: delivery.supplier }).slice(0, 200),
    description,
    impact: "group" as const,
    urgency: "medium" as const,
    fields: { delivery_date: delivery.deliveredOn, anomaly: description.slice(0, 2000) },
    ciIds: [],
  };
}
