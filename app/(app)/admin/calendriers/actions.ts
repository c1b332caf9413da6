"use server";

import { formAction } from "@/lib/auth/form-action";
import { addClosureSchema, deleteClosureSchema, repairTimeSchema } from "@/lib/schemas/sla-settings";
import { addClosure, deleteClosure, setVendorRepairTime } from "@/lib/services/sla/sla-settings";

const PAGES = () => ["/admin/calendriers", "/engagements"];

export const addClosureAction = formAction(addClosureSchema, (input, caller, _form, now, actor) => addClosure(caller, input, now, actor), {
  revalidate: PAGES,
});

export const deleteClosureAction = formAction(
  deleteClosureSchema,
  (input, caller, _form, now, actor) => deleteClosure(caller, input, now, actor),
  {
    revalidate: PAGES,
    notFound: "sla.gone.closure",
  },
);

export const setRepairTimeAction = formAction(
  repairTimeSchema,
  (input, caller, _form, now, actor) => setVendorRepairTime(caller, input, now, actor),
  {
    revalidate: PAGES,
    notFound: "sla.gone.vendor",
  },
);
