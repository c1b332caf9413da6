import { mkdir, rename, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer, type SMTPServerError } from "smtp-server";
import { freePort } from "./app-server";

/** `acceptedAt`: when the capture accepted it (epoch ms, just before its 250 answer). */
export type CapturedMail = { from: string; to: string[]; subject: string; text: string; raw: string; acceptedAt: number };

export type SmtpCapture = {
  port: number;
  messages(): CapturedMail[];
  close(): Promise<void>;
  /** The next `count` messages are refused: 451 (the default) as during an SMTP outage, 550 as for an address that does not exist. */
  failNext(count: number, responseCode?: 451 | 550): void;
};

/**
 * A local SMTP server keeping every message it receives, for tests. With `dir`, each message
 * is also written there as `<n>.json`, for a test running in another process to read.
 */
export async function startSmtpCapture(options: { port?: number; dir?: string } = {}): Promise<SmtpCapture> {
  const captured: CapturedMail[] = [];
  let failuresLeft = 0;
  let failureCode: 451 | 550 = 451;
  if (options.dir) await mkdir(options.dir, { recursive: true });

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // The worker's pooled connections stay open between e-mails: closing waits this long for them, not the 30 s default.
    closeTimeout: 500,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          const refusal: SMTPServerError = Object.assign(
            new Error(failureCode === 451 ? "Service temporairement indisponible (test)" : "Adresse inconnue (test)"),
            { responseCode: failureCode },
          );
          callback(refusal);
          return;
        }
        const mail = capturedMail(
          session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          session.envelope.rcptTo.map((recipient) => recipient.address),
          Buffer.concat(chunks).toString("utf8"),
        );
        captured.push(mail);
        save(options.dir, captured.length, mail).then(() => callback(), callback);
      });
    },
  });

  const port = options.port ?? (await freePort());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  // A client gone in the middle of a session (a worker SIGKILLed while it sends: ECONNRESET) must not end the capture.
  server.on("error", () => undefined);

  return {
    port: (server.server.address() as AddressInfo).port,
    messages: () => [...captured],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    failNext: (count, responseCode = 451) => {
      failuresLeft = count;
      failureCode = responseCode;
    },
  };
}

/**
 * A message as kept: its subject and text are decoded when first read, not while the server answers (a load of
 * thousands of e-mails would otherwise spend the benchmark's CPU decoding them). Own enumerable properties, so a
 * test comparing whole messages sees them.
 */
function capturedMail(from: string, to: string[], raw: string): CapturedMail {
  const mail = { from, to, raw, acceptedAt: Date.now() } as CapturedMail;
  const lazy = (name: "subject" | "text", decode: () => string) => {
    let value: string | undefined;
    Object.defineProperty(mail, name, { enumerable: true, get: () => (value ??= decode()) });
  };
  lazy("subject", () => decodeEncodedWords(headerValue(splitHeaders(raw).headers, "subject") ?? ""));
  lazy("text", () => plainTextOf(raw));
  return mail;
}

// Written then renamed, so a reader in another process never sees half a file.
async function save(dir: string | undefined, index: number, mail: CapturedMail): Promise<void> {
  if (!dir) return;
  const file = path.join(dir, `${index}.json`);
  await writeFile(`${file}.tmp`, JSON.stringify({ to: mail.to, subject: mail.subject, text: mail.text, raw: mail.raw }, null, 2));
  await rename(`${file}.tmp`, file);
}

/** Headers (folded lines joined) and body of a MIME entity. */
function splitHeaders(entity: string): { headers: string[]; body: string } {
  const match = /\r?\n\r?\n/.exec(entity);
  const head = match ? entity.slice(0, match.index) : entity;
  const body = match ? entity.slice(match.index + match[0].length) : "";
  return { headers: head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/), body };
}

function headerValue(headers: string[], name: string): string | undefined {
  const prefix = `${name.toLowerCase()}:`;
  return headers
    .find((line) => line.toLowerCase().startsWith(prefix))
    ?.slice(prefix.length)
    .trim();
}

function decodeQuotedPrintableBytes(value: string): Buffer {
  const bytes: number[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const hex = value.slice(index + 1, index + 3);
    if (value[index] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(value[index]!, "utf8"));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047: `=?UTF-8?Q?...?=` and `=?UTF-8?B?...?=` words; blanks between two encoded words are dropped. */
function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, encoding: string, text: string) =>
      (encoding.toUpperCase() === "B" ? Buffer.from(text, "base64") : decodeQuotedPrintableBytes(text.replace(/_/g, " "))).toString("utf8"),
    );
}

function decodeBody(body: string, transferEncoding: string | undefined): string {
  switch (transferEncoding?.toLowerCase()) {
    case "quoted-printable":
      return decodeQuotedPrintableBytes(body.replace(/=\r?\n/g, "")).toString("utf8");
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    default:
      return body;
  }
}

/** The decoded text/plain part of a message, looking inside multipart entities; "" when there is none. */
function plainTextOf(entity: string): string {
  const { headers, body } = splitHeaders(entity);
  const contentType = headerValue(headers, "content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (/^multipart\//i.test(contentType) && boundary) {
    // Each part sits between the line breaks that belong to the boundary lines around it.
    const parts = body
      .split(`--${boundary}`)
      .slice(1)
      .filter((part) => !part.startsWith("--"));
    for (const part of parts) {
      const text = plainTextOf(part.replace(/^\r?\n/, "").replace(/\r?\n$/, ""));
      if (text) return text;
    }
    return "";
  }
  if (!/^text\/plain/i.test(contentType)) return "";
  return decodeBody(body, headerValue(headers, "content-transfer-encoding")).replace(/\r\n/g, "\n");
}
