import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./messages";

export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "guichet-locale";

/** French unless the user chose English; every date is shown in Paris time. */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: Locale = chosen === "en" ? "en" : "fr";
  return {
    locale,
    timeZone: "Europe/Paris",
    messages: await loadMessages(locale),
  };
});
