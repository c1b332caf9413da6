"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { pageCaller } from "@/lib/auth/current-caller";
import { refusedForm } from "@/lib/auth/refusal";
import { formValues, invalidForm, type FormState } from "@/lib/schemas/form-state";
import { routingRuleFromForm } from "@/lib/schemas/routing-rule-form";
import { routingRuleSchema, ruleVersionSchema } from "@/lib/schemas/routing-rules";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { updateRoutingRule } from "@/lib/services/routing-rules";

/** Saves the edited rule, refused when someone changed it since the form was opened. */
export async function saveRule(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const target = ruleVersionSchema.safeParse({ id: form.get("id"), version: form.get("version") });
  if (!target.success) return { ...invalidForm(target.error), values };
  const rule = routingRuleSchema.safeParse(routingRuleFromForm(form));
  if (!rule.success) return { ...invalidForm(rule.error), values };
  const caller = await pageCaller();
  const saved = await updateRoutingRule(caller, target.data, rule.data, new Date(), auditActor(await headers(), caller));
  if (!saved.ok) return { ...(await refusedForm(saved.failure, caller, "Cette règle n'existe plus.")), values };
  redirect("/admin/routage");
}
