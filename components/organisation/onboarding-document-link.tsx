import { AttachmentLink } from "@/components/tickets/attachment-link";

type Props = { uai: string; document: { id: string; fileName: string; sizeBytes: number } };

/** A download link to one onboarding document, served to whoever follows the school's onboarding. */
export function OnboardingDocumentLink({ uai, document }: Props) {
  return (
    <AttachmentLink
      file={document}
      href={`/api/v1/establishments/${encodeURIComponent(uai)}/documents/${encodeURIComponent(document.id)}`}
    />
  );
}
