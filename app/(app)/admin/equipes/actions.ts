"use server";

import { headers } from "next/headers";
import { formAction } from "@/lib/auth/form-action";
import { redirectOnSuccess } from "@/lib/auth/redirect-on-success";
import { createTeamSchema, editTeamFormSchema, removeTeamMemberFormSchema, teamCodeParam, teamMemberFormSchema } from "@/lib/schemas/organisation";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { createTeam } from "@/lib/services/organisation/create-team";
import { addTeamMember, removeTeamMember, updateTeam } from "@/lib/services/organisation/update-team";

const pages = (code: string) => ["/admin/equipes", `/admin/equipes/${code}`, "/admin/calendriers"];
const NOT_FOUND = "establishments.gone.team";

/** Creates the team, then opens its page to add its members. */
export const createTeamAction = redirectOnSuccess(formAction(createTeamSchema, async (input, caller, _form, now) =>
  createTeam(caller, input, now, auditActor(await headers(), caller)), { revalidate: (input) => pages(input.code) }),
(form) => `/admin/equipes/${teamCodeParam.parse(form.get("code"))}`);

export const updateTeamAction = formAction(editTeamFormSchema, async ({ code, ...patch }, caller, _form, now) =>
  updateTeam(caller, code, patch, now, auditActor(await headers(), caller)), { revalidate: (input) => pages(input.code), notFound: NOT_FOUND });

export const addMemberAction = formAction(teamMemberFormSchema, async (input, caller, _form, now) =>
  addTeamMember(caller, input, now, auditActor(await headers(), caller)), { revalidate: (input) => pages(input.code), notFound: NOT_FOUND });

export const removeMemberAction = formAction(removeTeamMemberFormSchema, async (input, caller, _form, now) =>
  removeTeamMember(caller, input, now, auditActor(await headers(), caller)), { revalidate: (input) => pages(input.code), notFound: NOT_FOUND });
