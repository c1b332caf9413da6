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

/**
 * For a page that may answer 404: its title waits for the page's own lookup (cached per request, calling
 * notFound() when there is nothing to show), so a missing record is titled by the 404 page. A title computed
 * without it raced the body's notFound() and could keep the page's own title over "Page introuvable".
 */
export const titledOnceFound =
  <Props, Found>(key: string, lookup: (props: Props) => Promise<Found>, values?: (found: Found) => Values) =>
  async (props: Props): Promise<Metadata> => {
    const found = await lookup(props);
    return pageTitle(key, values?.(found));
  };
