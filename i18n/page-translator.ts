import { getLocale } from "next-intl/server";
import { translatorFor, type Translate } from "./text";

/** The reader's words on a server page or component, for pure code that assembles a text from a `Translate`. */
export async function pageTranslator(): Promise<Translate> {
  return translatorFor((await getLocale()) === "en" ? "en" : "fr");
}
