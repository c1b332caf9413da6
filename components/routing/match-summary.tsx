import { useTranslations } from "next-intl";
import type { RuleMatch } from "@/lib/domain/routing";
import type { Priority } from "@/lib/domain/vocabulary";

const CODE_CRITERIA = ["establishments", "zones", "departements", "establishmentTypes", "ciClasses"] as const;

/** What a rule looks at, one line per criterion, in plain words. */
export function MatchSummary({
  match,
  priorityFloor,
  assignToReferent = false,
}: {
  match: RuleMatch;
  priorityFloor: Priority | null;
  assignToReferent?: boolean;
}) {
  const t = useTranslations();
  const list = (values: readonly string[]) => values.join(", ");
  const lines: string[] = [];
  if (match.types?.length) lines.push(t("routing.match.types", { values: list(match.types.map((type) => t(`tickets.type.${type}`))) }));
  if (match.services?.length && match.categories?.length) {
    lines.push(t("routing.match.servicesOrCategories", { services: list(match.services), categories: list(match.categories) }));
  } else if (match.services?.length) {
    lines.push(t("routing.match.services", { values: list(match.services) }));
  } else if (match.categories?.length) {
    lines.push(t("routing.match.categories", { values: list(match.categories) }));
  }
  if (match.schoolTask !== undefined) lines.push(t(match.schoolTask ? "routing.match.schoolTaskYes" : "routing.match.schoolTaskNo"));
  for (const criterion of CODE_CRITERIA) {
    const values = match[criterion];
    if (values?.length) lines.push(t(`routing.match.${criterion}`, { values: list(values) }));
  }
  if (match.supportModes?.length)
    lines.push(t("routing.match.supportModes", { values: list(match.supportModes.map((mode) => t(`establishments.modes.${mode}`))) }));
  if (match.priorities?.length) lines.push(t("routing.match.priorities", { values: list(match.priorities) }));
  if (!lines.length) lines.push(t("routing.match.all"));
  if (priorityFloor) lines.push(t("routing.match.priorityFloor", { priority: priorityFloor }));
  if (assignToReferent) lines.push(t("routing.match.assignToReferent"));
  return (
    <ul className="space-y-0.5">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
