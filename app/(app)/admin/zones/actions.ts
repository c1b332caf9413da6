"use server";

import { formAction } from "@/lib/auth/form-action";
import { zoneFormSchema } from "@/lib/schemas/organisation";
import { saveZone } from "@/lib/services/organisation/save-zone";

export const saveZoneAction = formAction(zoneFormSchema, (input, caller, _form, _now, actor) => saveZone(caller, input, actor), {
  revalidate: () => ["/admin/zones", "/admin/etablissements", "/etablissements"],
});
