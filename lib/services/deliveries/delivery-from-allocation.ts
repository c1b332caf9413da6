import { database } from "@/db/client";
import { campaignByYear, grantedLines } from "@/db/queries/campaigns";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import type { DeliveryFromAllocationInput } from "@/lib/schemas/deliveries";
import { fail, type ServiceResult } from "../service-result";
import type { DeliveryRecord } from "@/db/queries/deliveries";
import { createDelivery, managesDeliveries, DELIVERIES_FORBIDDEN } from "./create-delivery";

/**
 * A delivery prepared from a school's allocation: one expected line per granted line (the campaign's code and
 * model, the quantity granted, the room planned), for the supplier and day given; then recorded as any delivery.
 */
export async function createDeliveryFromAllocation(
  caller: Caller,
  input: DeliveryFromAllocationInput,
  actor: AuditActor,
  now: Date,
): Promise<ServiceResult<DeliveryRecord>> {
  const db = database();
  if (!(await managesDeliveries(db, caller))) return fail(DELIVERIES_FORBIDDEN);
  const campaign = await campaignByYear(db, input.campaignYear);
  const granted = campaign ? (await grantedLines(db, campaign.id, null)).filter((line) => line.uai === input.establishmentUai) : [];
  const lines = granted
    .filter((line) => line.granted > 0)
    .map((line) => ({ code: line.code, model: line.model, quantity: line.granted, ...(line.room ? { room: line.room } : {}) }));
  if (!lines.length)
    return fail({
      kind: "unprocessable",
      message: "deliveries.errors.nothingAllocated",
      values: { uai: input.establishmentUai, year: input.campaignYear },
      errors: [
        {
          field: "establishmentUai",
          message: "deliveries.errors.nothingAllocated",
          values: { uai: input.establishmentUai, year: input.campaignYear },
        },
      ],
    });
  return createDelivery(caller, { ...input, lines }, actor, now);
}
