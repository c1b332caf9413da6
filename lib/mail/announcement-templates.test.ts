import { expect, test } from "vitest";
import { announcementEmail } from "./announcement-templates";

const announcement = {
  title: "Coupure <internet>",
  body: "Le lien de l'opérateur est coupé.",
  kind: "outage" as const,
  startsAt: new Date("2027-03-01T07:30:00Z"),
  endsAt: new Date("2027-03-01T11:00:00Z"),
};

test("the announcement says what, when in Paris time, that there is no need to report it, and links the status page", () => {
  const email = announcementEmail({ appUrl: "https://guichet.example/", recipientName: "Nina", moment: "published", announcement });
  expect(email.subject).toBe("Incident : Coupure <internet>");
  expect(email.text).toContain("Bonjour Nina,");
  expect(email.text).toContain("Le lien de l'opérateur est coupé.");
  expect(email.text).toContain("Du lundi 1 mars 2027 à 08:30 au lundi 1 mars 2027 à 12:00.");
  expect(email.text).toContain("Inutile de le signaler");
  expect(email.text).toContain("https://guichet.example/etat-des-services");
  expect(email.html).toContain("Coupure &lt;internet&gt;");
});

test.each([
  ["planned works say nothing of reporting", { moment: "published", kind: "planned" }, "Travaux prévus : Coupure <internet>", null],
  ["the end says since when", { moment: "ended", kind: "outage" }, "Terminé : Coupure <internet>", "depuis le lundi 1 mars 2027 à 12:00"],
] as const)("%s", (_, { moment, kind }, subject, sentence) => {
  const email = announcementEmail({
    appUrl: "https://guichet.example",
    recipientName: "Nina",
    moment,
    announcement: { ...announcement, kind },
  });
  expect(email.subject).toBe(subject);
  expect(email.text).not.toContain("Inutile de le signaler");
  if (sentence) expect(email.text).toContain(sentence);
});
