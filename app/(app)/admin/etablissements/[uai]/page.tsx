import Link from "next/link";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { EstablishmentContacts } from "@/components/establishments/establishment-contacts";
import { fieldOptions } from "@/components/organisation/field-options";
import { FieldsForm } from "@/components/organisation/fields-form";
import { MeetingDocuments } from "@/components/organisation/meeting-documents";
import { OrganisationTabs } from "@/components/organisation/organisation-tabs";
import { HiddenFieldsButton } from "@/components/sla-admin/hidden-fields-button";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { ONBOARDING_MEETINGS } from "@/lib/schemas/organisation";
import { listAllZones } from "@/lib/services/organisation/list-establishments";
import { listOnboardingDocuments } from "@/lib/services/organisation/onboarding-documents";
import { readEstablishment } from "@/lib/services/organisation/read-establishment";
import { declareRoomAction, removeRoomAction, setMeetingAction, updateEstablishmentAction } from "../actions";
import { titledOnceFound } from "@/i18n/page-title";

type Props = { params: Promise<{ uai: string }> };

/** The school for an admin, or the 404 page; one lookup per request for the title and the body. */
const visibleSchool = cache(async (uai: string) => {
  const caller = await pageCaller();
  if (!can(caller, "organisation.manage")) notFound();
  const school = await readEstablishment(caller, uai);
  if (!school) notFound();
  return { caller, school };
});

export const generateMetadata = titledOnceFound("adminSchool", async ({ params }: Props) =>
  visibleSchool(decodeURIComponent((await params).uai)),
);

/** Admins: a school's fields, its rooms in another mode and its onboarding meetings with their documents. */
export default async function SchoolAdminPage({ params }: Props) {
  const { caller, school } = await visibleSchool(decodeURIComponent((await params).uai));
  const [t, tFields, tMeetings, options, zones, documents] = await Promise.all([
    getTranslations("schools.school"),
    getTranslations("schools.fields"),
    getTranslations("schools.meetings"),
    fieldOptions(),
    listAllZones(),
    listOnboardingDocuments(caller, school.uai),
  ]);
  const hidden = { kind: "hidden", name: "uai", value: school.uai } as const;
  return (
    <section className="space-y-6">
      <OrganisationTabs current="schools" />
      <p>
        <Link href="/admin/etablissements" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">
        {school.name} <span className="font-mono text-base text-slate-500">{school.uai}</span>
      </h1>
      <FieldsForm
        id="school"
        action={updateEstablishmentAction}
        labels={{ submit: t("save"), pending: t("saving"), done: t("saved") }}
        fields={[
          hidden,
          { kind: "text", name: "name", label: tFields("name"), defaultValue: school.name, required: true },
          { kind: "text", name: "type", label: tFields("type"), defaultValue: school.type, required: true },
          { kind: "text", name: "city", label: tFields("city"), defaultValue: school.city, required: true },
          { kind: "text", name: "departement", label: tFields("departement"), defaultValue: school.departement, required: true },
          {
            kind: "select",
            name: "zone",
            label: tFields("zone"),
            options: zones.map((zone) => ({ value: zone.code, label: zone.name })),
            defaultValue: school.zone.code,
          },
          {
            kind: "select",
            name: "supportMode",
            label: tFields("supportMode"),
            options: options.supportModes,
            defaultValue: school.supportMode,
          },
          {
            kind: "select",
            name: "onboardingState",
            label: tFields("onboardingState"),
            options: options.onboardingStates,
            defaultValue: school.onboardingState,
          },
        ]}
      />

      <section aria-labelledby="rooms" className="space-y-3">
        <h2 id="rooms" className="text-xl font-semibold">
          {t("rooms")}
        </h2>
        <p className="text-sm text-slate-600">{t("roomsIntro")}</p>
        {school.rooms.length === 0 ? (
          <p className="text-slate-600">{t("noRooms")}</p>
        ) : (
          <ul className="space-y-1">
            {school.rooms.map((room) => (
              <li key={room.room} data-room={room.room} className="flex items-center gap-3">
                <span className="font-medium">{room.room}</span>
                <span>{options.supportModes.find((mode) => mode.value === room.supportMode)?.label}</span>
                <HiddenFieldsButton
                  action={removeRoomAction}
                  fields={{ uai: school.uai, room: room.room }}
                  label={t("removeRoom")}
                  pendingLabel={t("removingRoom")}
                  ariaLabel={t("removeRoomNamed", { room: room.room })}
                  danger
                />
              </li>
            ))}
          </ul>
        )}
        <FieldsForm
          id="room"
          action={declareRoomAction}
          labels={{ submit: t("addRoom"), pending: t("addingRoom"), done: t("roomAdded") }}
          fields={[
            hidden,
            { kind: "text", name: "room", label: tFields("room"), required: true, maxLength: 50 },
            { kind: "select", name: "supportMode", label: tFields("supportMode"), options: options.supportModes, defaultValue: "ouvert" },
          ]}
        />
      </section>

      <section aria-labelledby="onboarding" className="space-y-3">
        <h2 id="onboarding" className="text-xl font-semibold">
          {t("onboarding")}
        </h2>
        <div className="grid gap-3 lg:grid-cols-2">
          {ONBOARDING_MEETINGS.map((meeting) => {
            const held = school.meetings.find((row) => row.meeting === meeting);
            return (
              <div key={meeting} className="space-y-3">
                <FieldsForm
                  id={`meeting-${meeting}`}
                  action={setMeetingAction}
                  title={tMeetings(meeting)}
                  labels={{ submit: t("saveMeeting"), pending: t("savingMeeting"), done: t("meetingSaved") }}
                  fields={[
                    hidden,
                    { kind: "hidden", name: "meeting", value: meeting },
                    { kind: "date", name: "plannedOn", label: tFields("plannedOn"), defaultValue: held?.plannedOn },
                    { kind: "date", name: "heldOn", label: tFields("heldOn"), defaultValue: held?.heldOn },
                    { kind: "textarea", name: "notes", label: tFields("notes"), defaultValue: held?.notes },
                  ]}
                />
                <MeetingDocuments
                  uai={school.uai}
                  meeting={meeting}
                  title={tMeetings(meeting)}
                  documents={documents.filter((document) => document.meeting === meeting)}
                />
              </div>
            );
          })}
        </div>
      </section>

      <EstablishmentContacts school={school} />
    </section>
  );
}
