"use server";

import { headers } from "next/headers";
import { formAction } from "@/lib/auth/form-action";
import { zoneFormSchema } from "@/lib/schemas/organisation";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { saveZone } from "@/lib/services/organisation/save-zone";

export const saveZoneAction = formAction(zoneFormSchema, async (input, caller) => saveZone(caller, input, auditActor(await headers(), caller)), {
  revalidate: () => ["/admin/zones", "/admin/etablissements", "/etablissements"],
});
