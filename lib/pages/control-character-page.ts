import { createTranslator } from "next-intl";
import messages from "@/messages/fr/limits.json";
import { parameterWithControlCharacter } from "@/lib/domain/query-text";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character]!);

/**
 * For proxy.ts: a page asked for with a control character in its query string (a NUL, `%00`, reaches
 * PostgreSQL as an error) gets a 400 page in French naming the parameter, before any page code runs;
 * null when the query string is clean.
 */
export function controlCharacterPage(searchParams: URLSearchParams): Response | null {
  const parameter = parameterWithControlCharacter(searchParams);
  if (parameter === null) return null;
  const t = createTranslator({ locale: "fr", messages: { limits: messages }, namespace: "limits.badQuery" });
  const html = `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t("documentTitle"))}</title></head>
<body>
<main><h1>${escapeHtml(t("title"))}</h1><p>${escapeHtml(t("body", { parameter }))}</p><p><a href="/">${escapeHtml(t("backHome"))}</a></p></main>
</body></html>`;
  // A page of text and one link: nothing to load, run or frame.
  const csp = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  return new Response(html, {
    status: 400,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-security-policy": csp },
  });
}
