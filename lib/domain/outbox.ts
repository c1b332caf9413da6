/** An outbox e-mail's states: waiting for the worker, accepted by the SMTP server, or kept unsent (refused for good, or no server). */
export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * `last_error` of an e-mail kept because SMTP_URL is unset: /admin/courriels shows it as "non envoyé : aucun
 * serveur SMTP configuré" (the catalogue's words), and "Renvoyer" tries again once a server is configured.
 */
export const NO_SMTP_SERVER = "no_smtp_server";
