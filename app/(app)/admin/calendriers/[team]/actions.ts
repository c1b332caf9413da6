"use server";

import { formAction } from "@/lib/auth/form-action";
import { ladderSchema, resetTeamSchema, weeklyHoursSchema } from "@/lib/schemas/sla-settings";
import { resetTeamSetting, setTeamLadder, setTeamWeeklyHours } from "@/lib/services/sla/sla-settings";

const pages = ({ teamCode }: { teamCode: string }) => ["/admin/calendriers", `/admin/calendriers/${encodeURIComponent(teamCode)}`];
const GONE = "sla.gone.team";

export const saveWeeklyHours = formAction(
  weeklyHoursSchema,
  (input, caller, _form, now, actor) => setTeamWeeklyHours(caller, input, now, actor),
  { revalidate: pages, notFound: GONE },
);

export const saveLadder = formAction(ladderSchema, (input, caller, _form, now, actor) => setTeamLadder(caller, input, now, actor), {
  revalidate: pages,
  notFound: GONE,
});

export const resetSetting = formAction(resetTeamSchema, (input, caller, _form, now, actor) => resetTeamSetting(caller, input, now, actor), {
  revalidate: pages,
  notFound: GONE,
});
