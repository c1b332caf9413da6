import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

type Values = Record<string, string>;

/** A page's title from the catalogue (`shell.titles.<key>`), in the reader's language; the root layout adds "· Guichet". */
export async function pageTitle(key: string, values?: Values): Promise<Metadata> {
  const t = await getTranslations("shell.titles");
  return { title: t(key, values) };
}

/** For a page whose title never changes: `export const generateMetadata = titled("…")`. */
export const titled = (key: string) => () => pageTitle(key);
