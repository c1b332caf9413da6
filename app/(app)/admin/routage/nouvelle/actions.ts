"use server";

import { formAction } from "@/lib/auth/form-action";
import { routingRuleFromForm } from "@/lib/schemas/routing-rule-form";
import { routingRuleSchema } from "@/lib/schemas/routing-rules";
import { createRoutingRule } from "@/lib/services/routing/routing-rules";

export const createRule = formAction(routingRuleSchema, (rule, caller, _form, now, actor) => createRoutingRule(caller, rule, now, actor), {
  read: routingRuleFromForm,
  redirectTo: () => "/admin/routage",
});
