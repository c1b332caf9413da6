import { getFormatter, getTranslations } from "next-intl/server";
import type { SupportMode } from "@/lib/domain/vocabulary";
import { SupportModeBadge } from "./support-mode-badge";

type Person = { id: string; name: string; email: string; phone: string | null };

/** What the contacts show of a school (its record as the organisation service reads it). */
export type SchoolContacts = {
  uai: string;
  updatedAt: Date;
  updatedBy: string | null;
  rooms: Array<{ room: string; supportMode: SupportMode }>;
  contacts: { staff: Array<Person & { functionLabel: string | null }>; sectorLeads: Person[] };
};

/**
 * A school's contacts by function, its zone's sector lead, its rooms in another support mode, and the date and
 * author of its last change — on "Mon établissement", "Établissements" and the admins' page.
 */
export async function EstablishmentContacts({ school }: { school: SchoolContacts }) {
  const [t, format] = await Promise.all([getTranslations("schools.contacts"), getFormatter()]);
  const person = (someone: { name: string; email: string; phone: string | null }) => (
    <>
      <span className="font-medium">{someone.name}</span> ·{" "}
      <a className="text-brand-700 underline" href={`mailto:${someone.email}`}>
        {someone.email}
      </a>
      {someone.phone && (
        <>
          {" "}
          ·{" "}
          <a className="text-brand-700 underline" href={`tel:${someone.phone}`}>
            {someone.phone}
          </a>
        </>
      )}
    </>
  );
  const date = format.dateTime(school.updatedAt, { dateStyle: "long", timeStyle: "short" });
  return (
    <section aria-label={t("title")} data-contacts={school.uai} className="space-y-3 text-sm">
      <div>
        <h3 className="font-medium">{t("staff")}</h3>
        {school.contacts.staff.length === 0 ? (
          <p className="text-slate-600">{t("noStaff")}</p>
        ) : (
          <dl className="mt-1 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
            {school.contacts.staff.map((member) => (
              <div key={member.id} className="contents">
                <dt className="text-slate-500">{member.functionLabel ?? t("noFunction")}</dt>
                <dd className="min-w-0 [overflow-wrap:anywhere]">{person(member)}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      <div>
        <h3 className="font-medium">{t("sectorLead")}</h3>
        {school.contacts.sectorLeads.length === 0 ? (
          <p className="text-slate-600">{t("noSectorLead")}</p>
        ) : (
          <ul>
            {school.contacts.sectorLeads.map((lead) => (
              <li key={lead.id} className="[overflow-wrap:anywhere]">
                {person(lead)}
              </li>
            ))}
          </ul>
        )}
      </div>
      {school.rooms.length > 0 && (
        <div>
          <h3 className="font-medium">{t("rooms")}</h3>
          <ul>
            {school.rooms.map((room) => (
              <li key={room.room}>
                {room.room} <SupportModeBadge mode={room.supportMode} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="text-slate-500">
        {school.updatedBy ? t("lastChange", { date, author: school.updatedBy }) : t("lastChangeUnknown", { date })}
      </p>
    </section>
  );
}
