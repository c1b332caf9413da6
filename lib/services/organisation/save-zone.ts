import { eq } from "drizzle-orm";
import { database } from "@/db/client";
import { zones } from "@/db/schema";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import type { ZoneInput } from "@/lib/schemas/organisation";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceResult } from "../service-result";
import { FORBIDDEN } from "./shared";

/** Creates a zone, or edits the one with this code (its name and départements); the code is the zone's key. */
export async function saveZone(caller: Caller, input: ZoneInput, actor: AuditActor): Promise<ServiceResult<{ created: boolean }>> {
  if (!can(caller, "organisation.manage")) return fail(FORBIDDEN);
  return database().transaction(async (tx) => {
    const [before] = await tx
      .select({ id: zones.id, name: zones.name, departements: zones.departements })
      .from(zones)
      .where(eq(zones.code, input.code))
      .for("update");
    const values = { name: input.name, departements: input.departements };
    if (before) {
      await tx.update(zones).set(values).where(eq(zones.id, before.id));
      await recordAudit(tx, actor, {
        action: "zone.updated",
        objectType: "zone",
        objectId: before.id,
        before: { name: before.name, departements: before.departements },
        after: values,
      });
      return succeed({ created: false });
    }
    const [created] = await tx
      .insert(zones)
      .values({ code: input.code, ...values })
      .returning({ id: zones.id });
    await recordAudit(tx, actor, {
      action: "zone.created",
      objectType: "zone",
      objectId: created!.id,
      after: { code: input.code, ...values },
    });
    return succeed({ created: true });
  });
}
