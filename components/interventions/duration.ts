import { hoursAndMinutes } from "@/lib/domain/interventions";

type Translate = (
  key: "duration.minutes" | "duration.hours" | "duration.hoursMinutes",
  values: { hours: number; minutes: number },
) => string;

/** "45 min", "2 h", "1 h 5 min": the words from the interventions catalogue. */
export function duration(t: Translate, total: number): string {
  const { hours, minutes } = hoursAndMinutes(total);
  if (hours === 0) return t("duration.minutes", { hours, minutes });
  return t(minutes === 0 ? "duration.hours" : "duration.hoursMinutes", { hours, minutes });
}
