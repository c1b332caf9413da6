import { getLocale } from "next-intl/server";
import { translatorFor } from "@/i18n/text";
import type { Translate } from "@/lib/schemas/form-state";

/** Message keys in the words of the request's locale (a form's refusal). */
export async function requestTranslator(): Promise<Translate> {
  return translatorFor((await getLocale()) === "en" ? "en" : "fr");
}
