import { describe, expect, test } from "vitest";
import { escapeHtml, ticketEmail, type TicketEmailContent } from "./templates";

const base = {
  appUrl: "https://guichet.example.fr/",
  reference: "GU-2026-000123",
  title: "Imprimante en panne",
  recipientName: "Claire Martin",
};
const ticketUrl = "https://guichet.example.fr/demandes/GU-2026-000123";
const ratingToken = "cGF5bG9hZA.c2lnbmF0dXJl";

const cases: { content: TicketEmailContent; subject: string; phrases: string[] }[] = [
  {
    content: { kind: "created" },
    subject: "[GU-2026-000123] Votre demande a été enregistrée",
    phrases: ["enregistrée sous la référence GU-2026-000123"],
  },
  {
    content: { kind: "assigned", teamName: "PROX-OUEST" },
    subject: "[GU-2026-000123] Votre demande est prise en charge",
    phrases: ["confiée à l'équipe PROX-OUEST"],
  },
  {
    content: { kind: "assigned", teamName: null },
    subject: "[GU-2026-000123] Votre demande est prise en charge",
    phrases: ["a été prise en charge."],
  },
  {
    content: { kind: "answered", reply: "Redémarrez le poste.\nPuis rappelez-nous." },
    subject: "[GU-2026-000123] Nouvelle réponse à votre demande",
    phrases: ["> Redémarrez le poste.\n> Puis rappelez-nous."],
  },
  {
    content: { kind: "waiting_requester", question: "Quel est le numéro de salle ?" },
    subject: "[GU-2026-000123] Une réponse de votre part est attendue",
    phrases: ["a besoin d'une réponse de votre part", "> Quel est le numéro de salle ?"],
  },
  {
    content: { kind: "resolved", resolution: null },
    subject: "[GU-2026-000123] Votre demande a été résolue",
    phrases: ["confirmez la résolution", "rouvrez la demande dans les 10 jours"],
  },
  {
    content: { kind: "closed", ratingToken },
    subject: "[GU-2026-000123] Votre demande est clôturée",
    phrases: [`https://guichet.example.fr/evaluation/${ratingToken}`, "une seule fois, pendant 30 jours, sans avoir à vous connecter"],
  },
];

describe.each(cases)("the $content.kind e-mail", ({ content, subject, phrases }) => {
  const email = ticketEmail({ ...base, content });

  test("has the reference in its French subject", () => {
    expect(email.subject).toBe(subject);
  });

  test("greets the requester and links to the ticket in both versions", () => {
    expect(email.text).toContain("Bonjour Claire Martin,");
    expect(email.text).toContain(`Suivre votre demande : ${ticketUrl}`);
    expect(email.html).toContain(`<a href="${ticketUrl}">Suivre votre demande</a>`);
    expect(email.html).toContain('<html lang="fr">');
  });

  test("says what happened", () => {
    for (const phrase of phrases) expect(email.text).toContain(phrase);
  });

  test("carries a rating link only when the ticket is closed", () => {
    expect(email.text.includes("/evaluation/")).toBe(content.kind === "closed");
    expect(email.html.includes("/evaluation/")).toBe(content.kind === "closed");
  });
});

test("the ticket's title and quoted messages cannot inject HTML", () => {
  const email = ticketEmail({
    ...base,
    title: `<script>alert("x")</script>`,
    content: { kind: "answered", reply: "<img src=x onerror=alert(1)> & co" },
  });
  expect(email.html).not.toContain("<script>");
  expect(email.html).not.toContain("<img");
  expect(email.html).toContain("« &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; »");
  expect(email.html).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; co");
  expect(email.text).toContain(`« <script>alert("x")</script> »`);
});

test.each([
  [`a & b`, "a &amp; b"],
  [`<"it's">`, "&lt;&quot;it&#39;s&quot;&gt;"],
  ["déjà vu", "déjà vu"],
])("escapeHtml(%j)", (raw, escaped) => {
  expect(escapeHtml(raw)).toBe(escaped);
});

test.each([
  [false, "[GU-2026-000123] Message du prestataire", "Le prestataire écrit sur le ticket « Imprimante en panne » :"],
  [true, "[GU-2026-000123] Ticket rendu par le prestataire", "À votre équipe de le résoudre et d'informer l'établissement."],
])("a vendor's message to the Région's team (handed back: %s) quotes it and opens the desk's page", (handedBack, subject, phrase) => {
  const email = ticketEmail({ ...base, content: { kind: "vendor_message", message: "Pièce commandée.\nPassage jeudi.", handedBack } });
  expect(email.subject).toBe(subject);
  expect(email.text).toContain(phrase);
  expect(email.text).toContain("> Pièce commandée.\n> Passage jeudi.");
  expect(email.text).toContain("Ouvrir le ticket : https://guichet.example.fr/bureau/tickets/GU-2026-000123");
  expect(email.text).not.toContain(ticketUrl);
});

test("with mail in on, the footer invites a reply by e-mail instead of forbidding it", () => {
  const plain = ticketEmail({ ...base, content: { kind: "waiting_requester", question: "Quelle salle ?" } });
  const replies = ticketEmail({ ...base, content: { kind: "waiting_requester", question: "Quelle salle ?" }, repliesByMail: true });
  expect(plain.text).toContain("Merci de ne pas y répondre");
  expect(replies.text).not.toContain("Merci de ne pas y répondre");
  expect(replies.text).toContain("Vous pouvez y répondre : votre réponse sera ajoutée à votre demande.");
  expect(replies.html).toContain("Vous pouvez y répondre : votre réponse sera ajoutée à votre demande.");
});
