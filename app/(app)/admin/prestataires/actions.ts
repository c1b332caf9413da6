"use server";

import { headers } from "next/headers";
import { formAction } from "@/lib/auth/form-action";
import { vendorFormSchema } from "@/lib/schemas/organisation";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { saveVendor } from "@/lib/services/organisation/save-vendor";

export const saveVendorAction = formAction(vendorFormSchema, async (input, caller) => saveVendor(caller, input, auditActor(await headers(), caller)), {
  revalidate: () => ["/admin/prestataires", "/admin/calendriers"],
  notFound: "establishments.gone.vendor",
});
