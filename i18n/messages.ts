/**
 * Message catalogues: one JSON file per namespace and locale (messages/<locale>/<namespace>.json),
 * so each feature keeps its strings in its own file.
 */
export const NAMESPACES = ["app", "roles", "nav", "signIn", "home", "establishments", "users", "errors", "catalogue", "filing", "tickets", "rating", "routing", "desk", "sla", "dashboards", "cmdb", "account", "vendorAccess", "audit", "shell", "sso", "schools", "limits", "words", "forms", "people", "outbox"] as const;

export async function loadMessages(locale: "fr" | "en"): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => [namespace, (await import(`../messages/${locale}/${namespace}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}
