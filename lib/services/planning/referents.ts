import { database, type Executor } from "@/db/client";
import { establishmentByUai } from "@/db/queries/establishments";
import { personNames, personWithZones, schoolReferents, zoneTechnicians } from "@/db/queries/planning";
import { establishmentReferents } from "@/db/schema";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { canBeReferentOf, canSetReferentsOf } from "@/lib/domain/planning-access";
import { canSeeEstablishment } from "@/lib/domain/permissions";
import type { PersonRef, SchoolReferentsView } from "@/lib/presentation/planning-views";
import type { SetReferentsInput } from "@/lib/schemas/planning";
import { recordAudit } from "../audit/record-audit";
import { refusableTransaction, refuse } from "../refusal";
import type { ServiceResult } from "../service-result";

export type { SchoolReferentsView };
type Person = PersonRef;

async function referentsView(db: Executor, school: { id: string; uai: string }): Promise<SchoolReferentsView> {
  const row = await schoolReferents(db, school.id);
  const names = await personNames(db, row ? [row.referentId, ...(row.backupId ? [row.backupId] : [])] : []);
  const person = (id: string | null | undefined) => (id ? { id, name: names.get(id) ?? "" } : null);
  return { uai: school.uai, referent: person(row?.referentId), backup: person(row?.backupId) };
}

/** The school's referent and backup, for whoever sees the school (its own staff included); null: not theirs to see. */
export async function readReferents(caller: Caller, uai: string): Promise<SchoolReferentsView | null> {
  const db = database();
  const school = await establishmentByUai(db, uai);
  if (!school || !canSeeEstablishment(caller, school.id)) return null;
  return referentsView(db, school);
}

/** What the school page's referent form offers: the zone's technicians, when the caller may set them; null otherwise. */
export async function referentChoices(caller: Caller, uai: string): Promise<Person[] | null> {
  const db = database();
  const school = await establishmentByUai(db, uai);
  if (!school || !canSetReferentsOf(caller, school)) return null;
  return zoneTechnicians(db, [school.zoneId]);
}

/**
 * Sets the school's referent and backup (the sector lead of its zone, or an admin): both must be active
 * technicians of the zone's teams. Another zone's lead is told the school does not exist; school staff are refused.
 */
export async function setReferents(
  caller: Caller,
  uai: string,
  input: SetReferentsInput,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<SchoolReferentsView>> {
  return refusableTransaction(async (tx) => {
    const school = await establishmentByUai(tx, uai);
    if (!school) refuse({ kind: "not_found" });
    if (!canSetReferentsOf(caller, school)) {
      // Another zone's lead is told nothing of this school; anyone else's role does not allow it.
      refuse(caller.role === "sector_lead" ? { kind: "not_found" } : { kind: "forbidden", message: "planning.errors.referentsForbidden" });
    }
    const backupId = input.backup ?? null;
    if (backupId === input.referent) {
      refuse({
        kind: "unprocessable",
        message: "planning.errors.checkFields",
        errors: [{ field: "backup", message: "planning.errors.backupSameAsReferent" }],
      });
    }
    for (const [field, id] of [
      ["referent", input.referent],
      ["backup", backupId],
    ] as const) {
      if (!id) continue;
      const person = await personWithZones(tx, id);
      if (!person || !canBeReferentOf(person, school)) {
        refuse({
          kind: "unprocessable",
          message: "planning.errors.checkFields",
          errors: [{ field, message: "planning.errors.notZoneTechnician" }],
        });
      }
    }
    const before = await schoolReferents(tx, school.id);
    await tx
      .insert(establishmentReferents)
      .values({ establishmentId: school.id, referentId: input.referent, backupId, updatedAt: now, updatedById: caller.id })
      .onConflictDoUpdate({
        target: establishmentReferents.establishmentId,
        set: { referentId: input.referent, backupId, updatedAt: now, updatedById: caller.id },
      });
    await recordAudit(tx, actor, {
      action: "establishment.referents_set",
      objectType: "establishment",
      objectId: school.id,
      before: before ? { referentId: before.referentId, backupId: before.backupId } : null,
      after: { referentId: input.referent, backupId },
    });
    return referentsView(tx, school);
  });
}
