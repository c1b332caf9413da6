import { eq } from "drizzle-orm";
import { database } from "@/db/client";
import { deliveriesPastCheck, schoolStaffToMail } from "@/db/queries/deliveries";
import { deliveries } from "@/db/schema";
import { isDeemedCompliant } from "@/lib/domain/deliveries";
import { env } from "@/lib/env";
import { deemedCompliantEmail } from "@/lib/mail/delivery-templates";
import { afterCommit } from "../after-commit";
import { writeOutbox } from "../mail/write-outbox";
import { SYSTEM_ACTOR } from "../audit/audit-actor";
import { recordAudit } from "../audit/record-audit";
import { Refusal } from "../refusal";
import { logger } from "@/lib/logger";
import { lockDelivery, inventoryAccepted } from "./check-delivery";

const BATCH = 200;

/**
 * Worker sweep: a delivery still unchecked when its 5 working days are over is deemed compliant ("réputée
 * conforme", seed 001): the supplier's serials become the school's items, and the school's staff are told by
 * e-mail. Everything is read from PostgreSQL, each delivery in its own transaction with its row locked and its
 * state re-read, and each e-mail keyed by delivery and person: a run after a crash, or two at once, does it once.
 */
export async function deemDeliveriesCompliant(now: Date): Promise<{ deemed: number }> {
  const db = database();
  let deemed = 0;
  for (const id of await deliveriesPastCheck(db, now, BATCH)) {
    let outcome: { deemed: boolean; outboxIds: string[] };
    try {
      outcome = await deemOne(id, true, now);
    } catch (error) {
      // A supplier's serial the inventory refuses (already held elsewhere…) must not keep the delivery undecided forever:
      // it is deemed compliant all the same, its items left for the equipment team to inventory.
      if (!(error instanceof Refusal)) throw error;
      logger.warn({ deliveryId: id, failure: error.failure }, "a delivery deemed compliant could not inventory its items");
      outcome = await deemOne(id, false, now);
    }
    if (outcome.deemed) deemed++;
    await afterCommit({ outboxIds: outcome.outboxIds });
  }
  return { deemed };
}

async function deemOne(id: string, withItems: boolean, now: Date): Promise<{ deemed: boolean; outboxIds: string[] }> {
  {
    return database().transaction(async (tx) => {
      const delivery = await lockDelivery(tx, id);
      if (!delivery || !isDeemedCompliant(delivery, now)) return { deemed: false, outboxIds: [] };
      await tx.update(deliveries).set({ state: "deemed_compliant", checkedAt: now }).where(eq(deliveries.id, id));
      // Deemed compliant: what the supplier's note listed is taken as delivered.
      const items = withItems
        ? await inventoryAccepted(
            tx,
            delivery,
            delivery.lines.map((line) => ({ lineId: line.id, serials: line.expectedSerials, replaces: [] })),
            { authorId: null, source: "bulk" },
            now,
          )
        : 0;
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "delivery.deemed_compliant",
        objectType: "delivery",
        objectId: id,
        before: { state: delivery.state, checkBy: delivery.checkBy.toISOString() },
        after: { state: "deemed_compliant", items },
      });
      const staff = await schoolStaffToMail(tx, delivery.establishmentId);
      const outboxIds = await writeOutbox(
        tx,
        staff,
        (person) => ({
          idempotencyKey: `delivery-deemed:${delivery.id}:${person.id}`,
          email: deemedCompliantEmail({
            appUrl: env().APP_URL,
            recipientName: person.name,
            schoolName: delivery.establishmentName,
            supplier: delivery.supplier,
            deliveredOn: delivery.deliveredOn,
            deliveryId: delivery.id,
          }),
        }),
        now,
      );
      return { deemed: true, outboxIds };
    });
  }
}
