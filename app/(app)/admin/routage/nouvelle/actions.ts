"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { pageCaller } from "@/lib/auth/current-caller";
import { refusedForm } from "@/lib/auth/refusal";
import { formValues, invalidForm, type FormState } from "@/lib/schemas/form-state";
import { routingRuleFromForm } from "@/lib/schemas/routing-rule-form";
import { routingRuleSchema } from "@/lib/schemas/routing-rules";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { createRoutingRule } from "@/lib/services/routing-rules";

export async function createRule(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const rule = routingRuleSchema.safeParse(routingRuleFromForm(form));
  if (!rule.success) return { ...invalidForm(rule.error), values };
  const caller = await pageCaller();
  const created = await createRoutingRule(caller, rule.data, new Date(), auditActor(await headers(), caller));
  if (!created.ok) return { ...(await refusedForm(created.failure, caller)), values };
  redirect("/admin/routage");
}
