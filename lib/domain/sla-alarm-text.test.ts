import { describe, expect, test } from "vitest";
import { storedText } from "@/i18n/text";
import { alarmText, formatDeadline } from "./sla-alarm-text";
import type { PlannedAlarm } from "./sla-plan";

const monday0930 = new Date("2026-11-16T08:30:00Z"); // Paris, CET
const context = { ownBy: monday0930, resolveBy: new Date("2026-11-16T12:00:00Z"), people: [] as string[], vendorName: null };

test("deadlines are written in Paris time, in French", () => {
  expect(formatDeadline(monday0930)).toBe("lundi 16 novembre à 09:30");
  expect(formatDeadline(new Date("2026-06-15T07:30:00Z"))).toBe("lundi 15 juin à 09:30"); // CEST
});

describe("alarmText", () => {
  test.each<{ alarm: PlannedAlarm; people?: string[]; vendorName?: string; headline: string; body: string }>([
    {
      alarm: { kind: "warning", timer: "ttr", key: "k", dueAt: new Date("2026-11-16T11:00:00Z"), fireAt: new Date("2026-11-16T11:00:00Z") },
      headline: "75 % du délai de résolution écoulé",
      body: "Le délai de résolution de ce ticket arrive à échéance le lundi 16 novembre à 13:00.",
    },
    {
      alarm: { kind: "breach", timer: "tto", key: "k", dueAt: monday0930, fireAt: monday0930 },
      headline: "Délai de prise en charge dépassé",
      body: "Le délai de prise en charge de ce ticket a expiré le lundi 16 novembre à 09:30.",
    },
    {
      alarm: { kind: "escalation", level: 1, role: "sector_lead", key: "escalation-1", dueAt: monday0930, fireAt: monday0930 },
      people: ["Claire Martin"],
      headline: "Escalade de niveau 1 : chef de secteur",
      body: "Le ticket a dépassé un délai d'engagement (lundi 16 novembre à 09:30) : il est escaladé au chef de secteur (Claire Martin).",
    },
    {
      alarm: { kind: "escalation", level: 2, role: "service_lead", key: "escalation-2", dueAt: monday0930, fireAt: monday0930 },
      headline: "Escalade de niveau 2 : chef de service",
      body: "Le ticket n'est toujours pas résolu (lundi 16 novembre à 09:30) : il est escaladé au chef de service : personne n'occupe ce rôle pour cet établissement.",
    },
    {
      alarm: { kind: "vendor_breach", key: "k", dueAt: monday0930, fireAt: monday0930 },
      vendorName: "SCC",
      headline: "Délai du prestataire dépassé : SCC",
      body: "Le prestataire SCC devait rendre ce ticket avant le lundi 16 novembre à 09:30 (délai contractuel). Le manquement est compté contre lui.",
    },
  ])("$headline", ({ alarm, people, vendorName, headline, body }) => {
    const text = alarmText(alarm, { ...context, people: people ?? [], vendorName: vendorName ?? null });
    expect({
      headline: storedText(text.headline.message, text.headline.values),
      body: storedText(text.body.message, text.body.values),
    }).toEqual({ headline, body });
  });
});
