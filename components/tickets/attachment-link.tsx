import { getFormatter } from "next-intl/server";

/** `href`: where the file is served, when it is not a ticket's attachment (an onboarding document). */
type Props = { file: { id: string; fileName: string; sizeBytes: number }; href?: string };

const MEGABYTE = 1024 * 1024;

/** A download link to one attachment, with its size in ko / Mo. */
export async function AttachmentLink({ file, href = `/api/v1/attachments/${encodeURIComponent(file.id)}` }: Props) {
  const format = await getFormatter();
  const size =
    file.sizeBytes >= MEGABYTE
      ? format.number(file.sizeBytes / MEGABYTE, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 })
      : format.number(Math.max(1, Math.round(file.sizeBytes / 1024)), { style: "unit", unit: "kilobyte" });
  return (
    <a href={href} className="text-brand-700 underline">
      {file.fileName}
      <span className="text-slate-500"> ({size})</span>
    </a>
  );
}
