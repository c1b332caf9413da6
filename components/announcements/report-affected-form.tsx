"use client";

import { useTranslations } from "next-intl";
import { DeskForm } from "@/components/desk/desk-form";
import type { FormAction } from "@/components/ui/use-action-form";

/** "Mon établissement est concerné": one button, the school then follows the incident and hears of its end. */
export function ReportAffectedForm({ announcementId, action }: { announcementId: string; action: FormAction }) {
  const t = useTranslations("announcements.banner");
  return <DeskForm action={action} hidden={{ announcementId }} submitLabel={t("concerned")} success={t("marked")} tone="secondary" />;
}
