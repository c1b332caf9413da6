import { getTranslations } from "next-intl/server";
import { TO_QUALIFY_FLAG } from "@/lib/domain/mail-in";

/** On the desk: a ticket opened from a mail of someone of several schools, filed for the first; check the school. */
export async function ToQualifyNotice({ flags }: { flags: string[] }) {
  if (!flags.includes(TO_QUALIFY_FLAG)) return null;
  const t = await getTranslations("tickets.detail");
  return (
    <div role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">{t("toQualify")}</p>
      <p className="mt-1">{t("toQualifyBody")}</p>
    </div>
  );
}
