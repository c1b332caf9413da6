"use server";

import { formAction } from "@/lib/auth/form-action";
import { routingRuleFromForm } from "@/lib/schemas/routing-rule-form";
import { routingRuleSchema, ruleVersionSchema } from "@/lib/schemas/routing-rules";
import { updateRoutingRule } from "@/lib/services/routing/routing-rules";

/** Saves the edited rule, refused when someone changed it since the form was opened. */
export const saveRule = formAction(
  routingRuleSchema.extend(ruleVersionSchema.shape),
  ({ id, version, ...rule }, caller, _form, now, actor) => updateRoutingRule(caller, { id, version }, rule, now, actor),
  {
    read: (form) => ({ ...routingRuleFromForm(form), id: form.get("id"), version: form.get("version") }),
    notFound: "routing.gone.rule",
    redirectTo: () => "/admin/routage",
  },
);
