import { expect, test } from "vitest";
import { digestEmail, staffTicketEmail } from "./staff-templates";

const base = {
  appUrl: "https://guichet.example.fr/",
  reference: "GU-2026-000123",
  title: "Plus de réseau en B204",
  school: "Lycée Choiseul",
  recipientName: "Thomas Leroy",
};

test.each([
  [
    "new_ticket",
    "[GU-2026-000123] Nouvelle demande : Lycée Choiseul",
    "L'établissement Lycée Choiseul a déposé la demande « Plus de réseau en B204 »",
  ],
  ["assigned", "[GU-2026-000123] Ticket qui vous est confié", "Le ticket « Plus de réseau en B204 » vous est confié."],
  ["reply", "[GU-2026-000123] Réponse du demandeur", "> Toujours rien <ce matin>"],
] as const)("the %s e-mail: French subject, greeting, link to the desk in both versions", (kind, subject, phrase) => {
  const email = staffTicketEmail({ ...base, kind, quote: kind === "reply" ? "Toujours rien <ce matin>" : null });
  expect(email.subject).toBe(subject);
  expect(email.text).toContain("Bonjour Thomas Leroy,");
  expect(email.text).toContain(phrase);
  expect(email.text).toContain("Ouvrir le ticket : https://guichet.example.fr/bureau/tickets/GU-2026-000123");
  expect(email.html).toContain('<a href="https://guichet.example.fr/bureau/tickets/GU-2026-000123">Ouvrir le ticket</a>');
  expect(email.html).not.toContain("<ce matin>");
});

test("the digest: one line per notification linking to its ticket, the count in the subject, a link to the list", () => {
  const email = digestEmail({
    appUrl: "https://guichet.example.fr",
    recipientName: "Luc Girard",
    lines: [
      { kind: "new_ticket", reference: "GU-2026-000001", title: "Wifi du CDI" },
      { kind: "escalated", reference: "GU-2026-000002", title: "Serveur" },
    ],
  });
  expect(email.subject).toBe("Guichet : 2 notifications depuis le dernier résumé");
  expect(email.text).toContain(
    "GU-2026-000001 · Nouvelle demande dans une file que vous traitez · « Wifi du CDI » : https://guichet.example.fr/bureau/tickets/GU-2026-000001",
  );
  expect(email.text).toContain("GU-2026-000002 · Escalade vers vous ou votre équipe · « Serveur »");
  expect(email.text).toContain("Voir toutes mes notifications : https://guichet.example.fr/notifications");
});
