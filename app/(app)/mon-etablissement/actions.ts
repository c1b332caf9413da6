"use server";

import { headers } from "next/headers";
import { formAction } from "@/lib/auth/form-action";
import { inviteStaffSchema, removeStaffSchema, setStaffFunctionSchema } from "@/lib/schemas/users";
import { createAccount } from "@/lib/services/accounts/create-account";
import { removeStaffFromSchool } from "@/lib/services/accounts/remove-staff";
import { updateAccount } from "@/lib/services/accounts/update-account";
import { auditActor } from "@/lib/services/audit/audit-actor";

const PAGE = "/mon-etablissement";
const NOT_FOUND = "Cette personne n'est pas rattachée à votre établissement.";

export const inviteStaff = formAction(inviteStaffSchema, async ({ establishment, ...input }, caller, _form, now) =>
  createAccount(caller, { ...input, establishments: [establishment] }, now, auditActor(await headers(), caller)), {
  revalidate: () => [PAGE],
  notFound: "Cet établissement n'est pas le vôtre.",
});

export const setStaffFunction = formAction(setStaffFunctionSchema, async (input, caller, _form, now) =>
  updateAccount(caller, input.userId, { function: input.function }, now, auditActor(await headers(), caller)), {
  revalidate: () => [PAGE],
  notFound: NOT_FOUND,
});

export const removeStaff = formAction(removeStaffSchema, async (input, caller, _form, now) =>
  removeStaffFromSchool(caller, input, now, auditActor(await headers(), caller)), {
  revalidate: () => [PAGE],
  notFound: NOT_FOUND,
});
