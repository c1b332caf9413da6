import { describe, expect, it } from "vitest";
import {
  acceptsReplies,
  classifyMessage,
  outboxIdOfMessageId,
  readBounce,
  replyAddressWith,
  titleFromSubject,
  tokenInAddress,
  trimReply,
  type InboundFacts,
  type OurMail,
} from "./mail-in";
import { parseMailboxUrls } from "./mail-in-config";
import { createReplyToken, readReplyToken } from "@/lib/services/signed-token";

const SECRET = "test-secret";
const OUTBOX_ID = "0b7e1a52-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
const ours: OurMail = {
  fromAddress: "no-reply@guichet.test",
  messageIdHost: "guichet.test",
  replyAddress: "guichet@guichet.test",
  readToken: (token) => readReplyToken(token, SECRET),
};

const facts = (overrides: Partial<InboundFacts> = {}): InboundFacts => ({
  from: "cpe@lycee.example",
  subject: "Imprimante en panne",
  headers: {},
  contentType: "text/plain; charset=utf-8",
  messageId: "<abc@lycee.example>",
  threadIds: [],
  recipients: ["guichet@guichet.test"],
  ...overrides,
});

describe("reply token", () => {
  it("names the outbox row it was made for, case-insensitively", () => {
    const token = createReplyToken(OUTBOX_ID, SECRET);
    expect(token).toMatch(/^[0-9a-f]{52}$/);
    expect(readReplyToken(token, SECRET)).toBe(OUTBOX_ID);
    expect(readReplyToken(token.toUpperCase(), SECRET)).toBe(OUTBOX_ID);
    expect(`guichet+${token}`.length).toBeLessThanOrEqual(64);
  });

  it.each([
    ["another secret", (token: string) => token, "other-secret"],
    ["a changed id", (token: string) => `1${token.slice(1)}`, SECRET],
    ["a changed signature", (token: string) => `${token.slice(0, -1)}${token.endsWith("0") ? "1" : "0"}`, SECRET],
    ["a truncated token", (token: string) => token.slice(0, 40), SECRET],
    ["not hex", () => "z".repeat(52), SECRET],
  ])("refuses %s", (_label, change, secret) => {
    expect(readReplyToken(change(createReplyToken(OUTBOX_ID, SECRET)), secret)).toBeNull();
  });

  it("goes in and out of the reply address", () => {
    const address = replyAddressWith("guichet@guichet.test", "abc");
    expect(address).toBe("guichet+abc@guichet.test");
    expect(tokenInAddress(address, "guichet@guichet.test")).toBe("abc");
    expect(tokenInAddress("GUICHET+ABC@Guichet.Test", "guichet@guichet.test")).toBe("abc");
    expect(tokenInAddress("guichet@guichet.test", "guichet@guichet.test")).toBeNull();
    expect(tokenInAddress("autre+abc@guichet.test", "guichet@guichet.test")).toBeNull();
    expect(tokenInAddress("guichet+abc@ailleurs.test", "guichet@guichet.test")).toBeNull();
  });

  it("reads our Message-IDs only", () => {
    expect(outboxIdOfMessageId(`<${OUTBOX_ID}@guichet.test>`, "guichet.test")).toBe(OUTBOX_ID);
    expect(outboxIdOfMessageId(`<${OUTBOX_ID}@ailleurs.test>`, "guichet.test")).toBeNull();
    expect(outboxIdOfMessageId("<abc@guichet.test>", "guichet.test")).toBeNull();
  });
});

describe("acceptsReplies", () => {
  it.each([
    ["waiting_requester:12:u1", true],
    ["created:3:u1", true],
    ["resolved:9:u1", true],
    ["escalated:4:u2", false],
    ["sla_alert:5:u2", false],
    ["vendor_message:6:u2", false],
    ["mail-in:unknown:a@b.c:2026-12-04", false],
  ])("%s → %s", (key, expected) => {
    expect(acceptsReplies(key)).toBe(expected);
  });
});

describe("classifyMessage", () => {
  const token = createReplyToken(OUTBOX_ID, SECRET);
  it.each<[string, Partial<InboundFacts>, ReturnType<typeof classifyMessage>]>([
    ["a new message", {}, { kind: "new" }],
    ["a reply by token", { recipients: [`guichet+${token}@guichet.test`] }, { kind: "reply", outboxId: OUTBOX_ID, via: "token" }],
    ["a reply by In-Reply-To", { threadIds: [`<${OUTBOX_ID}@guichet.test>`] }, { kind: "reply", outboxId: OUTBOX_ID, via: "thread" }],
    ["a thread of someone else's", { threadIds: [`<${OUTBOX_ID}@ailleurs.test>`] }, { kind: "new" }],
    ["a forged token", { recipients: [`guichet+${"0".repeat(52)}@guichet.test`] }, { kind: "forged_token" }],
    [
      "a forged token with a genuine thread",
      { recipients: [`guichet+${"0".repeat(52)}@guichet.test`], threadIds: [`<${OUTBOX_ID}@guichet.test>`] },
      { kind: "forged_token" },
    ],
    [
      "Auto-Submitted: auto-replied",
      { headers: { "auto-submitted": "auto-replied" } },
      { kind: "auto_reply", reason: "Auto-Submitted: auto-replied" },
    ],
    ["Auto-Submitted: no is a person", { headers: { "auto-submitted": "no" } }, { kind: "new" }],
    [
      "X-Auto-Response-Suppress",
      { headers: { "x-auto-response-suppress": "All" } },
      { kind: "auto_reply", reason: "X-Auto-Response-Suppress" },
    ],
    ["Precedence: bulk", { headers: { precedence: "bulk" } }, { kind: "auto_reply", reason: "Precedence: bulk" }],
    ["Precedence: auto_reply", { headers: { precedence: "auto_reply" } }, { kind: "auto_reply", reason: "Precedence: auto_reply" }],
    ["Precedence: list", { headers: { precedence: "list" } }, { kind: "auto_reply", reason: "Precedence: list" }],
    [
      "an out-of-office subject",
      { subject: "Réponse automatique : absent du bureau" },
      { kind: "auto_reply", reason: "Subject: Réponse automatique : absent du bureau" },
    ],
    [
      "an English out-of-office",
      { subject: "Out of Office: Imprimante" },
      { kind: "auto_reply", reason: "Subject: Out of Office: Imprimante" },
    ],
    [
      "an auto-reply to a notification",
      { headers: { "auto-submitted": "auto-replied" }, recipients: [`guichet+${token}@guichet.test`] },
      { kind: "auto_reply", reason: "Auto-Submitted: auto-replied" },
    ],
    [
      "a DSN",
      { contentType: "multipart/report; report-type=delivery-status; boundary=x", from: "mailer-daemon@mx.example" },
      { kind: "bounce" },
    ],
    ["a bounce without report", { from: "MAILER-DAEMON@mx.example", subject: "Undelivered Mail Returned to Sender" }, { kind: "bounce" }],
    ["our From", { from: "no-reply@guichet.test" }, { kind: "own" }],
    ["our reply address", { from: `guichet+${token}@guichet.test` }, { kind: "own" }],
    ["our Message-ID", { messageId: `<${OUTBOX_ID}@guichet.test>` }, { kind: "own" }],
    ["our header", { headers: { "x-guichet-outbox": OUTBOX_ID } }, { kind: "own" }],
  ])("%s", (_label, overrides, expected) => {
    expect(classifyMessage(facts(overrides), ours)).toEqual(expected);
  });

  it("finds no token without a reply address", () => {
    expect(classifyMessage(facts({ recipients: [`guichet+${token}@guichet.test`] }), { ...ours, replyAddress: null })).toEqual({
      kind: "new",
    });
  });
});

describe("readBounce", () => {
  it("finds the outbox row by its header or its Message-ID, and the diagnostic", () => {
    const status =
      "Reporting-MTA: dns; mx.example\n\nFinal-Recipient: rfc822; absent@lycee.example\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown";
    expect(readBounce(status, `Message-ID: <${OUTBOX_ID}@guichet.test>\nSubject: x`, "guichet.test")).toEqual({
      outboxId: OUTBOX_ID,
      recipient: "absent@lycee.example",
      diagnostic: "550 5.1.1 User unknown",
    });
    expect(readBounce("Status: 5.2.2", `X-Guichet-Outbox: ${OUTBOX_ID}`, "guichet.test")).toEqual({
      outboxId: OUTBOX_ID,
      recipient: null,
      diagnostic: "Status 5.2.2",
    });
    expect(readBounce("", "Message-ID: <x@ailleurs.test>", "guichet.test").outboxId).toBeNull();
  });
});

describe("trimReply", () => {
  it.each([
    ["plain text", "Merci, c'est réparé.", "Merci, c'est réparé."],
    [
      "a French reply header",
      "Oui, toujours en panne.\n\nLe lun. 1 déc. 2026 à 10:00, Guichet <no-reply@guichet.test> a écrit :\n> Question ?",
      "Oui, toujours en panne.",
    ],
    [
      "a French header wrapped on two lines",
      "Oui.\n\nLe lun. 1 déc. 2026 à 10:00, Guichet <no-reply@guichet.test>\na écrit :\n> Question ?",
      "Oui.",
    ],
    [
      "an English reply header",
      "Yes it is.\n\nOn Mon, Dec 1, 2026 at 10:00 AM Guichet <no-reply@guichet.test> wrote:\n> Question?",
      "Yes it is.",
    ],
    ["a signature", "Bien reçu.\n\n-- \nMarie Curie\nCPE", "Bien reçu."],
    ["a mobile signature", "D'accord.\n\nEnvoyé de mon iPhone", "D'accord."],
    [
      "an Outlook block in French",
      "Le poste redémarre.\r\n\r\n________________________________\r\nDe : Guichet <no-reply@guichet.test>\r\nEnvoyé : lundi 1 décembre 2026 10:00\r\nÀ : cpe@lycee.example\r\nObjet : Votre ticket\r\n\r\nQuestion ?",
      "Le poste redémarre.",
    ],
    ["an Outlook block without a rule", "Fait.\n\nDe : Guichet <no-reply@guichet.test>\nEnvoyé : lundi\nObjet : Votre ticket", "Fait."],
    ["an English Outlook block", "Done.\n\nFrom: Guichet <no-reply@guichet.test>\nSent: Monday\nTo: x\nSubject: y", "Done."],
    ["an original message rule", "Vu.\n\n-----Message d'origine-----\nDe : x", "Vu."],
    ["quoted lines in between", "> Question ?\nRéponse.\n> Autre ?\nAutre réponse.", "Réponse.\nAutre réponse."],
    ["nothing of theirs", "\n\nLe lun. 1 déc., X a écrit :\n> tout", ""],
    ["a 'De :' in the text itself", "De : mon côté tout va bien.\nMerci.", "De : mon côté tout va bien.\nMerci."],
  ])("%s", (_label, input, expected) => {
    expect(trimReply(input)).toBe(expected);
  });
});

describe("titleFromSubject", () => {
  it.each([
    ["Imprimante en panne", "Imprimante en panne"],
    ["RE: TR: Imprimante", "Imprimante"],
    ["Fwd: Re : Vidéoprojecteur", "Vidéoprojecteur"],
    ["", "Message reçu par courriel"],
    ["Re:", "Message reçu par courriel"],
  ])("%s", (subject, expected) => {
    expect(titleFromSubject(subject, "Message reçu par courriel")).toBe(expected);
  });
});

describe("parseMailboxUrls", () => {
  it("reads one or several mailboxes", () => {
    const parsed = parseMailboxUrls("imaps://guichet%40ac.fr:p%2Cw@imap.ac.fr/INBOX, imap://b:c@127.0.0.1:1143/Support?tls=off&done=Fait");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.mailboxes).toEqual([
      expect.objectContaining({
        key: "guichet@ac.fr@imap.ac.fr:993/INBOX",
        port: 993,
        secure: true,
        user: "guichet@ac.fr",
        password: "p,w",
        doneFolder: "Traités",
        errorFolder: "Erreurs",
      }),
      expect.objectContaining({ key: "b@127.0.0.1:1143/Support", secure: false, startTls: false, folder: "Support", doneFolder: "Fait" }),
    ]);
  });

  it.each([
    ["http://a:b@host/INBOX", "imap://"],
    ["imap://host/INBOX", "identifiant"],
    ["imaps://a:b@host/INBOX?tls=off", "tls=off"],
    ["imap://a:b@host/INBOX,imap://a:b@host/INBOX", "en double"],
  ])("refuses %s", (value, words) => {
    const parsed = parseMailboxUrls(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(words);
  });
});
