import { getFormatter, getTranslations } from "next-intl/server";
import { addOnboardingDocumentAction, deleteOnboardingDocumentAction } from "@/app/(app)/admin/etablissements/actions";
import { HiddenFieldsButton } from "@/components/sla-admin/hidden-fields-button";
import type { OnboardingDocumentInput } from "@/lib/schemas/organisation";
import { ATTACHMENT_ACCEPT } from "@/lib/schemas/ticket-forms";
import { FieldsForm } from "./fields-form";
import { OnboardingDocumentLink } from "./onboarding-document-link";

type Document = { id: string; fileName: string; sizeBytes: number; uploadedAt: Date; uploadedBy: string | null };
type Props = { uai: string; meeting: OnboardingDocumentInput["meeting"]; title: string; documents: Document[] };

/** One onboarding meeting's documents (download, delete) and the form that adds one. */
export async function MeetingDocuments({ uai, meeting, title, documents }: Props) {
  const [t, format] = await Promise.all([getTranslations("schools.documents"), getFormatter()]);
  return (
    <div className="space-y-2" data-documents={meeting}>
      <h4 className="text-sm font-medium">{t("title", { meeting: title })}</h4>
      {documents.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {documents.map((document) => (
            <li key={document.id} className="flex flex-wrap items-center gap-2">
              <OnboardingDocumentLink uai={uai} document={document} />
              <span className="text-slate-500">
                {t("uploaded", {
                  date: format.dateTime(document.uploadedAt, { dateStyle: "short", timeZone: "Europe/Paris" }),
                  name: document.uploadedBy ?? t("unknown"),
                })}
              </span>
              <HiddenFieldsButton
                action={deleteOnboardingDocumentAction}
                fields={{ uai, id: document.id }}
                label={t("delete")}
                pendingLabel={t("deleting")}
                ariaLabel={t("deleteNamed", { file: document.fileName })}
                danger
              />
            </li>
          ))}
        </ul>
      )}
      <FieldsForm
        id={`document-${meeting}`}
        action={addOnboardingDocumentAction}
        title={t("add", { meeting: title })}
        labels={{ submit: t("submit"), pending: t("submitting"), done: t("added") }}
        fields={[
          { kind: "hidden", name: "uai", value: uai },
          { kind: "hidden", name: "meeting", value: meeting },
          { kind: "file", name: "document", label: t("file"), accept: ATTACHMENT_ACCEPT },
        ]}
      />
    </div>
  );
}
