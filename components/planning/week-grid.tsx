import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { visitDay } from "@/lib/presentation/visit-day";
import type { TechnicianWeek } from "@/lib/presentation/planning-views";

/** A technician's week: per day, the morning's and afternoon's school and the tickets planned there; days away marked. */
export async function WeekGrid({ week, headingLevel = 3 }: { week: TechnicianWeek; headingLevel?: 2 | 3 }) {
  const [t, locale] = await Promise.all([getTranslations("planning"), getLocale()]);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-3"
      aria-label={week.technician.name}
      data-technician={week.technician.id}
    >
      <Heading className="text-base font-semibold">{week.technician.name}</Heading>
      <ol className="mt-2 grid gap-2 sm:grid-cols-5">
        {week.days.map((day) => (
          <li key={day.date} className="rounded-md border border-slate-100 p-2 text-sm">
            <p className="font-medium first-letter:uppercase">{visitDay(day.date, locale === "en" ? "en" : "fr")}</p>
            {day.absent ? (
              <p className="mt-1 font-medium text-amber-900">{t("page.absent")}</p>
            ) : (
              <ul className="mt-1 space-y-1">
                {day.halfDays.map((half) => (
                  <li key={half.halfDay}>
                    <span className="text-slate-500">{t(`halfDays.${half.halfDay}`)} : </span>
                    {half.school ? (
                      <Link className="text-brand-700 underline" href={`/etablissements/${half.school.uai}`}>
                        {half.school.name}
                      </Link>
                    ) : (
                      <span className="text-slate-500">{t("page.free")}</span>
                    )}
                    {half.tickets.length > 0 && (
                      <ul className="ml-3 list-disc">
                        {half.tickets.map((ticket) => (
                          <li key={ticket.reference}>
                            <Link className="text-brand-700 underline" href={`/bureau/tickets/${ticket.reference}`}>
                              {ticket.reference}
                            </Link>{" "}
                            {ticket.title}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
