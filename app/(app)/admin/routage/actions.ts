"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { z } from "zod";
import { pageCaller } from "@/lib/auth/current-caller";
import { refusedForm } from "@/lib/auth/refusal";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { DONE, invalidForm, type FormState } from "@/lib/schemas/form-state";
import { deleteRuleSchema, moveRuleSchema, setRuleEnabledSchema } from "@/lib/schemas/routing-rules";
import { moveRoutingRule } from "@/lib/services/routing-rule-order";
import { deleteRoutingRule, setRoutingRuleEnabled } from "@/lib/services/routing-rules";
import { auditActor } from "@/lib/services/audit/audit-actor";
import type { ServiceResult } from "@/lib/services/service-result";

const GONE = "Cette règle n'existe plus : rechargez la page.";

/** The rule list's buttons: parse, load the caller, let the service decide, refresh the list. */
function ruleListAction<Schema extends z.ZodType>(schema: Schema, run: (input: z.infer<Schema>, caller: Caller, now: Date, actor: AuditActor) => Promise<ServiceResult<unknown>>) {
  return async (_previous: FormState, form: FormData): Promise<FormState> => {
    const parsed = schema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return invalidForm(parsed.error);
    const caller = await pageCaller();
    const result = await run(parsed.data, caller, new Date(), auditActor(await headers(), caller));
    if (!result.ok) return refusedForm(result.failure, caller, GONE);
    revalidatePath("/admin/routage");
    return DONE;
  };
}

export const moveRule = ruleListAction(moveRuleSchema, (input, caller, now, actor) => moveRoutingRule(caller, input, now, actor));

export const setRuleEnabled = ruleListAction(setRuleEnabledSchema, (input, caller, now, actor) => setRoutingRuleEnabled(caller, input, now, actor));

export const deleteRule = ruleListAction(deleteRuleSchema, (input, caller, now, actor) => deleteRoutingRule(caller, input, now, actor));
