import { expect, test } from "vitest";
import { accountEmail } from "./account-templates";

test("the invitation says who opened the account, links to the page that sets the password, and for how long", () => {
  const email = accountEmail({
    appUrl: "https://guichet.example/",
    recipientName: "Nina",
    content: { kind: "invitation", token: "abc_123", invitedBy: "Paul <Proviseur>", lifetimeHours: 72 },
  });
  expect(email.subject).toBe("Votre compte Guichet est ouvert");
  expect(email.text).toContain("Bonjour Nina,");
  expect(email.text).toContain("Paul <Proviseur> vous a ouvert un compte");
  expect(email.text).toContain("Choisir mon mot de passe : https://guichet.example/mot-de-passe/abc_123");
  expect(email.text).toContain("pendant 72 heures");
  expect(email.html).toContain("Paul &lt;Proviseur&gt;");
  expect(email.html).toContain('href="https://guichet.example/mot-de-passe/abc_123"');
});

test.each([
  [{ kind: "reset", token: "t", lifetimeHours: 1 } as const, "Réinitialisation de votre mot de passe Guichet", "pendant 1 heure(s)"],
  [
    { kind: "school_removed", school: "Lycée Choiseul", by: "Paul", disabled: true } as const,
    "Vous n'êtes plus rattaché à un établissement",
    "votre compte est désactivé",
  ],
  [
    { kind: "school_removed", school: "Lycée Choiseul", by: "Paul", disabled: false } as const,
    "Vous n'êtes plus rattaché à un établissement",
    "retiré de l'établissement Lycée Choiseul",
  ],
  [
    { kind: "function_changed", school: "Lycée Choiseul", functionLabel: null, by: "Paul" } as const,
    "Votre fonction a changé",
    "a retiré votre fonction",
  ],
  [{ kind: "disabled", by: "Admin" } as const, "Votre compte Guichet est désactivé", "Admin a désactivé"],
])("%j", (content, subject, sentence) => {
  const email = accountEmail({ appUrl: "https://guichet.example", recipientName: "Nina", content });
  expect(email.subject).toBe(subject);
  expect(email.text).toContain(sentence);
});

test("a removal from one school of several does not say the account is closed", () => {
  const email = accountEmail({
    appUrl: "https://g.example",
    recipientName: "N",
    content: { kind: "school_removed", school: "L", by: "P", disabled: false },
  });
  expect(email.text).not.toContain("désactivé");
});
