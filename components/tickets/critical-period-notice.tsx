import { getTranslations } from "next-intl/server";
import { dateWriter } from "@/components/ui/date-time";

type Period = { name: string; startsOn: string; endsOn: string; priorityFloor: string };

/** Why an incident's priority was raised at filing: a critical period (exams) covering its school. */
export async function CriticalPeriodNotice({ period }: { period: Period | null }) {
  if (!period) return null;
  const [t, write] = await Promise.all([getTranslations("tickets.detail"), dateWriter()]);
  return (
    <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      {t("criticalPeriod", {
        priority: period.priorityFloor,
        name: period.name,
        from: write.day(period.startsOn, "longDay"),
        to: write.day(period.endsOn, "longDay"),
      })}
    </p>
  );
}
