/**
 * A mailbox the worker reads, from one MAIL_IN_URL entry:
 * `imaps://user:password@host:993/INBOX` (TLS from the start) or `imap://user:password@host:143/INBOX` (STARTTLS when the
 * server offers it; `?tls=off` for a server on the same machine). Query options: `done=` and `errors=` name the folders
 * messages are moved to (default "Traités" and "Erreurs"), `tls=insecure` accepts a self-signed certificate.
 */
export type MailboxConfig = {
  /** user@host:port/folder: names the mailbox in the records and the logs (never the password). */
  key: string;
  host: string;
  port: number;
  /** TLS from the start (imaps). */
  secure: boolean;
  /** Upgrade a plain connection with STARTTLS when the server offers it. */
  startTls: boolean;
  rejectUnauthorized: boolean;
  user: string;
  password: string;
  folder: string;
  doneFolder: string;
  errorFolder: string;
};

export type MailboxUrlsParse = { ok: true; mailboxes: MailboxConfig[] } | { ok: false; message: string };

const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

export function parseMailboxUrl(text: string): MailboxConfig | string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return "doit être une URL imap:// ou imaps:// (ex. imaps://guichet:motdepasse@imap.exemple.fr/INBOX)";
  }
  if (url.protocol !== "imap:" && url.protocol !== "imaps:") return "doit être une URL imap:// ou imaps://";
  if (!url.username || !url.password) return "doit porter l'identifiant et le mot de passe (imaps://identifiant:motdepasse@serveur/INBOX)";
  const secure = url.protocol === "imaps:";
  const tls = url.searchParams.get("tls");
  if (tls !== null && !["off", "insecure", "on"].includes(tls)) return "tls= doit valoir on, off ou insecure";
  if (tls === "off" && secure) return "tls=off n'a de sens qu'avec imap:// (imaps:// chiffre toujours)";
  const folder = decode(url.pathname.replace(/^\//, "")) || "INBOX";
  const port = url.port ? Number(url.port) : secure ? 993 : 143;
  const user = decode(url.username);
  return {
    key: `${user}@${url.hostname}:${port}/${folder}`,
    host: url.hostname,
    port,
    secure,
    startTls: tls !== "off",
    rejectUnauthorized: tls !== "insecure",
    user,
    password: decode(url.password),
    folder,
    doneFolder: url.searchParams.get("done")?.trim() || "Traités",
    errorFolder: url.searchParams.get("errors")?.trim() || "Erreurs",
  };
}

/** MAIL_IN_URL: one or several mailbox URLs, comma-separated (a comma inside a password is written %2C). */
export function parseMailboxUrls(value: string): MailboxUrlsParse {
  const mailboxes: MailboxConfig[] = [];
  for (const [index, entry] of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .entries()) {
    const parsed = parseMailboxUrl(entry);
    if (typeof parsed === "string") return { ok: false, message: `adresse n° ${index + 1} : ${parsed}` };
    if (mailboxes.some((known) => known.key === parsed.key)) return { ok: false, message: `adresse n° ${index + 1} : en double` };
    mailboxes.push(parsed);
  }
  return { ok: true, mailboxes };
}
