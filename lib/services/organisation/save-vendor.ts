import { eq } from "drizzle-orm";
import { database } from "@/db/client";
import { teams, vendors } from "@/db/schema";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { vendorTeamCode } from "@/lib/domain/team-codes";
import type { VendorInput } from "@/lib/schemas/organisation";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceResult } from "../service-result";
import { FORBIDDEN } from "./shared";
import { vendorByName } from "@/db/queries/vendors";

/**
 * Creates a vendor (with its agents' queue, as the seed gives every vendor) or edits one: name, contract
 * reference, contact address. Its repair time is set with the calendars (/admin/calendriers).
 */
export async function saveVendor(caller: Caller, input: VendorInput, actor: AuditActor): Promise<ServiceResult<{ id: string }>> {
  if (!can(caller, "organisation.manage")) return fail(FORBIDDEN);
  const values = { name: input.name, contractReference: input.contractReference ?? null, contactEmail: input.contactEmail ?? null };
  const taken = () =>
    fail<{ id: string }>({ kind: "conflict", message: "establishments.errors.vendorNameTaken", values: { name: input.name } });
  return database().transaction(async (tx) => {
    const sameName = await vendorByName(tx, input.name);
    if (sameName && sameName.id !== input.id) return taken();
    if (!input.id) {
      const [created] = await tx.insert(vendors).values(values).returning({ id: vendors.id });
      await tx
        .insert(teams)
        .values({ code: vendorTeamCode(input.name), name: `Prestataire ${input.name}`, party: "vendor", vendorId: created!.id })
        .onConflictDoNothing({ target: teams.code });
      await recordAudit(tx, actor, { action: "vendor.created", objectType: "vendor", objectId: created!.id, after: values });
      return succeed({ id: created!.id });
    }
    const [before] = await tx
      .select({ name: vendors.name, contractReference: vendors.contractReference, contactEmail: vendors.contactEmail })
      .from(vendors)
      .where(eq(vendors.id, input.id))
      .for("update");
    if (!before) return fail<{ id: string }>({ kind: "not_found" });
    await tx.update(vendors).set(values).where(eq(vendors.id, input.id));
    await recordAudit(tx, actor, { action: "vendor.updated", objectType: "vendor", objectId: input.id, before, after: values });
    return succeed({ id: input.id });
  });
}
