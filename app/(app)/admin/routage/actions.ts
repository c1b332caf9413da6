"use server";

import { formAction } from "@/lib/auth/form-action";
import { deleteRuleSchema, moveRuleSchema, setRuleEnabledSchema } from "@/lib/schemas/routing-rules";
import { moveRoutingRule } from "@/lib/services/routing/routing-rule-order";
import { deleteRoutingRule, setRoutingRuleEnabled } from "@/lib/services/routing/routing-rules";

/** The rule list's buttons; each refreshes the list. */
const list = { revalidate: () => ["/admin/routage"], notFound: "routing.gone.ruleReload" };

export const moveRule = formAction(moveRuleSchema, (input, caller, _form, now, actor) => moveRoutingRule(caller, input, now, actor), list);

export const setRuleEnabled = formAction(
  setRuleEnabledSchema,
  (input, caller, _form, now, actor) => setRoutingRuleEnabled(caller, input, now, actor),
  list,
);

export const deleteRule = formAction(
  deleteRuleSchema,
  (input, caller, _form, now, actor) => deleteRoutingRule(caller, input, now, actor),
  list,
);
