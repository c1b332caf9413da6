import { expect, test } from "vitest";
import { approvalOutcomeEmail, approvalRequestEmail } from "./approval-templates";

const request = {
  appUrl: "https://guichet.example.fr/",
  reference: "GU-2026-000042",
  title: "Autoriser GeoGebra",
  school: "Lycée Choiseul",
  requesterName: "Claire Martin",
  recipientName: "Paul Bernard",
  token: "abc.def",
  linkDays: 16,
  givenUpOn: "18 décembre 2026",
};

test.each([
  [false, "[GU-2026-000042] Demande à valider : Autoriser GeoGebra", "Claire Martin (Lycée Choiseul) a déposé la demande"],
  [true, "[GU-2026-000042] Rappel : demande à valider, Autoriser GeoGebra", "attend toujours votre validation"],
])("the approver's e-mail (reminder %s) carries the one-time link and the page", (reminder, subject, phrase) => {
  const email = approvalRequestEmail({ ...request, reminder });
  expect(email.subject).toBe(subject);
  for (const text of [email.text, email.html]) {
    expect(text).toContain(phrase);
    expect(text).toContain("https://guichet.example.fr/validation/abc.def");
    expect(text).toContain("https://guichet.example.fr/validations/GU-2026-000042");
    expect(text).toContain("18 décembre 2026");
  }
});

test("a refusal quotes its reason to the requester; a timeout says how long nobody answered", () => {
  const base = {
    appUrl: "https://guichet.example.fr",
    reference: "GU-2026-000042",
    title: "Autoriser <b>",
    recipientName: "Claire Martin",
  };
  const refused = approvalOutcomeEmail({ ...base, outcome: { kind: "refused", by: "Paul Bernard", reason: "Hors programme." } });
  expect(refused.subject).toBe("[GU-2026-000042] Votre demande n'a pas été validée");
  expect(refused.text).toContain("> Hors programme.");
  expect(refused.html).toContain("Autoriser &lt;b&gt;");
  const expired = approvalOutcomeEmail({ ...base, outcome: { kind: "expired", days: 10 } });
  expect(expired.text).toContain("aucune réponse en 10 jours ouvrés");
});
