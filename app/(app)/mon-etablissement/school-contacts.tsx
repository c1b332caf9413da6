import { EstablishmentContacts } from "@/components/establishments/establishment-contacts";
import { pageCaller } from "@/lib/auth/current-caller";
import { readEstablishment } from "@/lib/services/organisation/read-establishment";

/** A school's contacts block on "Mon établissement", read for the signed-in person: nothing for a school they may not see. */
export async function SchoolContacts({ uai }: { uai: string }) {
  const school = await readEstablishment(await pageCaller(), uai);
  return school ? <EstablishmentContacts school={school} /> : null;
}
