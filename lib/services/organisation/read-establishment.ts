import { database } from "@/db/client";
import { establishmentContacts, establishmentDetail } from "@/db/queries/organisation";
import type { Caller } from "@/lib/domain/caller";
import { canSeeEstablishment } from "@/lib/domain/permissions";

/** A school's record, its contacts by function and its sector leads; null when it does not exist or the caller may not see it. */
export async function readEstablishment(caller: Caller, uai: string) {
  const db = database();
  const school = await establishmentDetail(db, uai);
  if (!school || !canSeeEstablishment(caller, school.id)) return null;
  return { ...school, contacts: await establishmentContacts(db, school.id, school.zone.id) };
}
export type EstablishmentRecord = NonNullable<Awaited<ReturnType<typeof readEstablishment>>>;
