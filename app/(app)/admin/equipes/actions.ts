"use server";

import { formAction } from "@/lib/auth/form-action";
import { createTeamSchema, editTeamFormSchema, removeTeamMemberFormSchema, teamMemberFormSchema } from "@/lib/schemas/organisation";
import { createTeam } from "@/lib/services/organisation/create-team";
import { addTeamMember, removeTeamMember, updateTeam } from "@/lib/services/organisation/update-team";

const pages = (code: string) => ["/admin/equipes", `/admin/equipes/${code}`, "/admin/calendriers"];
const NOT_FOUND = "establishments.gone.team";

/** Creates the team, then opens its page to add its members. */
export const createTeamAction = formAction(createTeamSchema, (input, caller, _form, now, actor) => createTeam(caller, input, now, actor), {
  revalidate: (input) => pages(input.code),
  redirectTo: (_team, input) => `/admin/equipes/${input.code}`,
});

export const updateTeamAction = formAction(
  editTeamFormSchema,
  ({ code, ...patch }, caller, _form, now, actor) => updateTeam(caller, code, patch, now, actor),
  { revalidate: (input) => pages(input.code), notFound: NOT_FOUND },
);

export const addMemberAction = formAction(
  teamMemberFormSchema,
  (input, caller, _form, now, actor) => addTeamMember(caller, input, now, actor),
  { revalidate: (input) => pages(input.code), notFound: NOT_FOUND },
);

export const removeMemberAction = formAction(
  removeTeamMemberFormSchema,
  (input, caller, _form, now, actor) => removeTeamMember(caller, input, now, actor),
  { revalidate: (input) => pages(input.code), notFound: NOT_FOUND },
);
