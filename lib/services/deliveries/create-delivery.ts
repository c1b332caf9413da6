import type { Executor } from "@/db/client";
import { campaignCatalogue, deliveryById, teamIdByCode, type DeliveryRecord } from "@/db/queries/deliveries";
import { establishmentByUai } from "@/db/queries/establishments";
import { deliveries, deliveryLines } from "@/db/schema";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { canManageDeliveries, checkBy, classOfCode, EQUIPMENT_TEAM_CODE, normalizeSerial } from "@/lib/domain/deliveries";
import type { CreateDeliveryInput } from "@/lib/schemas/deliveries";
import type { FieldError } from "@/lib/schemas/field-errors";
import { database } from "@/db/client";
import { recordAudit } from "../audit/record-audit";
import { refusableTransaction, refuse } from "../refusal";
import { fail, type ServiceResult } from "../service-result";
import { teamSlaSettings } from "../sla/team-calendar";
import { storedText } from "@/i18n/text";

export const DELIVERIES_FORBIDDEN = { kind: "forbidden", message: "deliveries.errors.createForbidden" } as const;

/** Whether the caller creates deliveries (the Région's equipment team, the service lead, admins). */
export async function managesDeliveries(db: Executor, caller: Caller): Promise<boolean> {
  if (caller.role === "requester" || caller.role === "manager") return false;
  return canManageDeliveries(caller, await teamIdByCode(db, EQUIPMENT_TEAM_CODE));
}

/**
 * Records a delivery to a school: its lines (each code resolved to an inventory class through the campaign's
 * catalogue, or naming a class itself outside a campaign), the supplier's serials, and `checkBy`, the close of
 * the 5th working day after `deliveredOn` on the school's calendar (the default weekly hours with the
 * closures every team shares, as an SLA without a team reads it). Audited.
 */
export async function createDelivery(
  caller: Caller,
  input: CreateDeliveryInput,
  actor: AuditActor,
  now: Date,
): Promise<ServiceResult<DeliveryRecord>> {
  if (!(await managesDeliveries(database(), caller))) return fail(DELIVERIES_FORBIDDEN);
  return refusableTransaction(async (tx) => {
    const school = await establishmentByUai(tx, input.establishmentUai);
    if (!school)
      refuse({
        kind: "unprocessable",
        message: "forms.errors.noSchoolWithUai",
        values: { uai: input.establishmentUai },
        errors: [{ field: "establishmentUai", message: "forms.errors.unknownUai" }],
      });
    const catalogue = input.campaignYear === undefined ? null : await campaignCatalogue(tx, input.campaignYear);
    if (input.campaignYear !== undefined && !catalogue)
      refuse({
        kind: "unprocessable",
        message: "deliveries.errors.noSuchCampaign",
        values: { year: input.campaignYear },
        errors: [{ field: "campaignYear", message: "deliveries.errors.unknownCampaign" }],
      });
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    const lines = input.lines.map((line, index) => {
      const resolved = classOfCode(line.code, catalogue);
      if (!resolved)
        errors.push({
          field: `lines.${index}.code`,
          message: catalogue ? "deliveries.errors.codeNotInCatalogue" : "deliveries.errors.codeNotAClass",
          values: { code: line.code },
        });
      const serials = (line.serials ?? []).map(normalizeSerial);
      if (serials.length > line.quantity)
        errors.push({
          field: `lines.${index}.serials`,
          message: "deliveries.errors.moreSerialsThanItems",
          values: { quantity: line.quantity },
        });
      for (const serial of serials) {
        if (seen.has(serial))
          errors.push({ field: `lines.${index}.serials`, message: "deliveries.errors.serialTwice", values: { serial } });
        seen.add(serial);
      }
      return {
        position: index + 1,
        code: line.code,
        label: resolved?.label ?? storedText(`cmdb.classes.${resolved?.class ?? "pc"}`),
        class: resolved?.class ?? "pc",
        model: line.model,
        quantity: line.quantity,
        room: line.room || null,
        expectedSerials: serials,
      };
    });
    if (errors.length) refuse({ kind: "invalid", message: "deliveries.errors.checkLines", errors });
    const { calendar } = await teamSlaSettings(tx, null, now);
    const [row] = await tx
      .insert(deliveries)
      .values({
        campaignYear: input.campaignYear ?? null,
        establishmentId: school.id,
        supplier: input.supplier,
        deliveredOn: input.deliveredOn,
        checkBy: checkBy(calendar, input.deliveredOn),
        createdById: caller.id,
        createdAt: now,
      })
      .returning({ id: deliveries.id });
    await tx.insert(deliveryLines).values(lines.map((line) => ({ ...line, deliveryId: row!.id })));
    await recordAudit(tx, actor, {
      action: "delivery.created",
      objectType: "delivery",
      objectId: row!.id,
      after: { ...input, establishmentUai: school.uai },
    });
    return (await deliveryById(tx, row!.id))!;
  });
}
