import { useTranslations } from "next-intl";
/** A team as the desk's selects show it; a vendor's own queue names its vendor. */
export type DeskTeamOption = { code: string; name: string; vendorName: string | null };

export type TeamGroups = Partial<Record<"region" | "academy" | "vendor", DeskTeamOption[]>>;

/** A select's options grouped by who runs the teams: Région, Académie, vendors. */
export function TeamOptions({ groups }: { groups: TeamGroups }) {
  const t = useTranslations("desk.parties");
  return (["region", "academy", "vendor"] as const)
    .filter((party) => groups[party]?.length)
    .map((party) => (
      <optgroup key={party} label={t(party)}>
        {groups[party]!.map((team) => (
          <option key={team.code} value={team.code}>
            {team.name} ({team.code})
          </option>
        ))}
      </optgroup>
    ));
}
