import { getTranslations } from "next-intl/server";
import { AnnouncementList } from "@/components/announcements/announcement-list";
import { FieldsForm, type FormField } from "@/components/organisation/fields-form";
import { titled } from "@/i18n/page-title";
import { pageCaller } from "@/lib/auth/current-caller";
import { ANNOUNCEMENT_KINDS } from "@/lib/domain/announcements";
import { parisInputValue } from "@/lib/domain/interventions";
import { serviceStatus } from "@/lib/services/announcements/list-announcements";
import { publishAnnouncementAction } from "./actions";

export const generateMetadata = titled("serviceStatus");

/** Known incidents and planned works, on now and to come (a school's staff: those concerning their schools); publishing for the Région and the Académie. */
export default async function ServiceStatusPage() {
  const now = new Date();
  const [t, status] = await Promise.all([getTranslations("announcements"), serviceStatus(await pageCaller(), now)]);
  const fields: FormField[] = [
    { kind: "text", name: "title", label: t("form.titleField"), required: true, maxLength: 160 },
    {
      kind: "select",
      name: "kind",
      label: t("form.kind"),
      defaultValue: "outage",
      options: ANNOUNCEMENT_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) })),
    },
    { kind: "text", name: "majorTicket", label: t("form.majorTicket"), maxLength: 14 },
    { kind: "datetime-local", name: "startsAt", label: t("form.startsAt"), required: true, defaultValue: parisInputValue(now) },
    { kind: "datetime-local", name: "endsAt", label: t("form.endsAt"), required: true },
    { kind: "textarea", name: "body", label: t("form.body") },
    { kind: "text", name: "zones", label: `${t("form.zones")} (${t("form.listHint")})` },
    { kind: "text", name: "establishments", label: `${t("form.establishments")} (${t("form.listHint")})` },
    { kind: "text", name: "services", label: `${t("form.services")} (${t("form.listHint")})` },
  ];
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("status.title")}</h1>
        <p className="mt-2 text-slate-600">{t("status.intro")}</p>
      </div>
      <AnnouncementList id="current" title={t("status.current")} empty={t("status.noneCurrent")} announcements={status.current} />
      <AnnouncementList id="planned" title={t("status.planned")} empty={t("status.nonePlanned")} announcements={status.planned} />
      {status.canPublish && (
        <FieldsForm
          id="new-announcement"
          action={publishAnnouncementAction}
          title={t("form.title")}
          fields={fields}
          labels={{ submit: t("form.submit"), pending: t("form.submit"), done: t("form.published") }}
        />
      )}
    </section>
  );
}
