import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { NewContactForm } from "@/components/desk/new-contact-form";
import { TicketForm } from "@/components/filing/ticket-form";
import { titled } from "@/i18n/page-title";
import { translateText } from "@/i18n/text";
import { pageCaller } from "@/lib/auth/current-caller";
import { filingRefusal, OUT_OF_INVENTORY_NOTICE } from "@/lib/domain/filing-rules";
import { takesCalls } from "@/lib/domain/phone-calls";
import { callContacts, callSchool, callSchools, chosenContact } from "@/lib/services/desk/phone-call-steps";
import { readCatalogue } from "@/lib/services/tickets/catalogue";
import { addCallContact, fileCall } from "./actions";

export const generateMetadata = titled("phoneCall");

type Props = { searchParams: Promise<{ ecole?: string; q?: string; contact?: string; categorie?: string }> };

const INPUT = "min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2";
const BUTTON = "rounded-md bg-brand-700 px-4 py-2 text-white";

/**
 * "Nouvel appel": the desk files a ticket for a school on behalf of the person calling. Step by step, each in the
 * address: the school (searched), its contact (searched by name, function or phone, or added), the category, then
 * the category's filing form, filed with the contact as requester and the caller as who took the call.
 */
export default async function PhoneCallPage({ searchParams }: Props) {
  const params = await searchParams;
  const caller = await pageCaller();
  if (!takesCalls(caller)) notFound();
  const [t, locale] = await Promise.all([getTranslations("desk.calls"), getLocale()]);
  const school = params.ecole ? await callSchool(caller, params.ecole) : null;
  const contact = school && params.contact ? await chosenContact(school, params.contact) : null;
  const base = school ? `/bureau/appel?ecole=${encodeURIComponent(school.uai)}` : "/bureau/appel";
  const withContact = contact ? `${base}&contact=${contact.id}` : base;

  return (
    <section className="space-y-6">
      <div>
        <Link href="/bureau" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>

      {params.ecole && !school && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          {t("schoolNotYours")}
        </p>
      )}

      {!school ? (
        <SchoolStep q={params.q ?? ""} schools={await callSchools(caller, params.q ?? "")} t={t} />
      ) : (
        <>
          <p className="text-sm">
            <span className="text-slate-500">{t("school")} : </span>
            <span className="font-medium">
              {school.name} ({school.uai})
            </span>{" "}
            <Link href="/bureau/appel" className="text-brand-700 underline">
              {t("change")}
            </Link>
          </p>
          {!contact ? (
            <ContactStep
              base={base}
              q={params.q}
              uai={school.uai}
              contacts={await callContacts(school, params.q)}
              unknownContact={Boolean(params.contact)}
              t={t}
            />
          ) : (
            <>
              <p className="text-sm">
                <span className="text-slate-500">{t("caller")} : </span>
                <span className="font-medium" data-contact>
                  {contact.name}
                </span>
                {contact.functionLabel && <> · {contact.functionLabel}</>}
                {contact.phone && <> · {contact.phone}</>}{" "}
                <Link href={base} className="text-brand-700 underline">
                  {t("change")}
                </Link>
              </p>
              <CategoryStep
                school={school}
                contactId={contact.id}
                chosen={params.categorie}
                withContact={withContact}
                locale={locale === "en" ? "en" : "fr"}
                t={t}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"desk.calls">>>;

function SchoolStep({ q, schools, t }: { q: string; schools: Awaited<ReturnType<typeof callSchools>>; t: T }) {
  return (
    <div className="space-y-3">
      <h2 className="text-lg font-medium">{t("schoolStep")}</h2>
      <form role="search" className="flex flex-wrap gap-2">
        <label className="sr-only" htmlFor="call-school">
          {t("schoolSearch")}
        </label>
        <input id="call-school" name="q" defaultValue={q} placeholder={t("schoolPlaceholder")} className={INPUT} />
        <button className={BUTTON}>{t("search")}</button>
      </form>
      {q.trim().length >= 2 &&
        (schools.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noSchool")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {schools.map((school) => (
              <li key={school.id}>
                <Link href={`/bureau/appel?ecole=${encodeURIComponent(school.uai)}`} className="block px-4 py-2 hover:bg-brand-50">
                  <span className="font-medium">{school.name}</span>{" "}
                  <span className="text-sm text-slate-600">
                    {school.uai} · {school.city}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}

function ContactStep({
  base,
  q,
  uai,
  contacts,
  unknownContact,
  t,
}: {
  base: string;
  q: string | undefined;
  uai: string;
  contacts: Awaited<ReturnType<typeof callContacts>>;
  unknownContact: boolean;
  t: T;
}) {
  return (
    <div className="space-y-3">
      <h2 className="text-lg font-medium">{t("contactStep")}</h2>
      {unknownContact && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          {t("errors.notAContact")}
        </p>
      )}
      <form role="search" className="flex flex-wrap gap-2">
        <input type="hidden" name="ecole" value={uai} />
        <label className="sr-only" htmlFor="call-contact">
          {t("contactSearch")}
        </label>
        <input id="call-contact" name="q" defaultValue={q} placeholder={t("contactPlaceholder")} className={INPUT} />
        <button className={BUTTON}>{t("search")}</button>
      </form>
      {contacts.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noContact")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {contacts.map((contact) => (
            <li key={contact.id}>
              <Link href={`${base}&contact=${contact.id}`} className="block break-words px-4 py-2 hover:bg-brand-50">
                <span className="font-medium">{contact.name}</span>
                <span className="block text-sm text-slate-600">
                  {[contact.functionLabel, contact.phone, contact.email].filter(Boolean).join(" · ")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <h3 className="pt-2 font-medium">{t("newContact")}</h3>
      <NewContactForm action={addCallContact} establishmentUai={uai} />
    </div>
  );
}

async function CategoryStep({
  school,
  contactId,
  chosen,
  withContact,
  locale,
  t,
}: {
  school: NonNullable<Awaited<ReturnType<typeof callSchool>>>;
  contactId: string;
  chosen: string | undefined;
  withContact: string;
  locale: "fr" | "en";
  t: T;
}) {
  const now = new Date();
  const catalogue = (await readCatalogue())
    .map((service) => ({
      ...service,
      categories: service.categories.filter((category) => !filingRefusal(category, school.supportMode, now)),
    }))
    .filter((service) => service.categories.length > 0);
  const service = catalogue.find((candidate) => candidate.categories.some((category) => category.code === chosen));
  const category = service?.categories.find((candidate) => candidate.code === chosen);

  if (service && category) {
    return (
      <div className="space-y-3">
        <p className="text-sm">
          <span className="text-slate-500">{t("category")} : </span>
          <span className="font-medium">
            {service.name} › {category.name}
          </span>{" "}
          <Link href={withContact} className="text-brand-700 underline">
            {t("change")}
          </Link>
        </p>
        <TicketForm
          action={fileCall}
          service={{ code: service.code }}
          category={{
            code: category.code,
            type: category.type,
            hardware: category.hardware,
            fields: category.fields,
            approvalLevels: category.approvalLevels,
          }}
          schools={[{ uai: school.uai, name: school.name }]}
          outOfInventoryNotice={translateText(OUT_OF_INVENTORY_NOTICE, undefined, locale)}
          hidden={{ requesterId: contactId }}
          draftKey={`call:${school.uai}:${contactId}:${category.code}`}
        />
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <h2 className="text-lg font-medium">{t("categoryStep")}</h2>
      {catalogue.map((each) => (
        <section key={each.code} aria-labelledby={`service-${each.code}`}>
          <h3 id={`service-${each.code}`} className="font-medium">
            {each.name}
          </h3>
          <ul className="mt-1 flex flex-wrap gap-2">
            {each.categories.map((option) => (
              <li key={option.code}>
                <Link
                  href={`${withContact}&categorie=${encodeURIComponent(option.code)}`}
                  className="inline-block rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:border-brand-700 hover:bg-brand-50"
                >
                  {option.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
