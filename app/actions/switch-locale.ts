"use server";

import { cookies } from "next/headers";
import { LOCALE_COOKIE } from "@/i18n/request";

/** Toggles between French (default) and English for this browser. */
export async function switchLocale(): Promise<void> {
  const store = await cookies();
  const next = store.get(LOCALE_COOKIE)?.value === "en" ? "fr" : "en";
  store.set(LOCALE_COOKIE, next, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 24 * 3600 });
}
