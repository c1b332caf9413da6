"use server";

import { formAction } from "@/lib/auth/form-action";
import { vendorFormSchema } from "@/lib/schemas/organisation";
import { saveVendor } from "@/lib/services/organisation/save-vendor";

export const saveVendorAction = formAction(vendorFormSchema, (input, caller, _form, _now, actor) => saveVendor(caller, input, actor), {
  revalidate: () => ["/admin/prestataires", "/admin/calendriers"],
  notFound: "establishments.gone.vendor",
});
