"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/select-field";
import type { FormAction } from "@/components/ui/use-action-form";
import { DeskForm } from "./desk-form";
import { TeamOptions, type TeamGroups } from "./team-options";

type Props = { reference: string; action: FormAction; teams: TeamGroups; currentTeam: string | null };

/** "Transférer à une équipe": the ticket joins another team's queue, nobody holding it yet. */
export function MoveTeamForm({ reference, action, teams, currentTeam }: Props) {
  const t = useTranslations("desk.move");
  return (
    <DeskForm action={action} hidden={{ reference }} submitLabel={t("submit")} success={t("done")} tone="secondary">
      {({ state, formId }) => (
        <SelectField formId={formId} name="team" label={t("team")} state={state} defaultValue={currentTeam ?? ""} required>
          <option value="" disabled>
            {t("choose")}
          </option>
          <TeamOptions groups={teams} />
        </SelectField>
      )}
    </DeskForm>
  );
}
