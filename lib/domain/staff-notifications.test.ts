import { expect, test } from "vitest";
import { planNotifications, type NotificationFacts, type Preferences } from "./staff-notifications";

const none: Preferences = new Map();
const base: NotificationFacts = {
  kind: "new_ticket",
  actorId: "csl",
  direct: [],
  team: ["ref", "tech"],
  referentId: "ref",
  critical: false,
  preferences: none,
};
const plan = (facts: Partial<NotificationFacts>) =>
  Object.fromEntries(planNotifications({ ...base, ...facts }).map((planned) => [planned.recipientId, planned.delivery]));

test.each([
  ["a new ticket: the referent each time, other members a digest", {}, { ref: "immediate", tech: "digest" }],
  [
    "the referent outside the queue's team still hears of a new ticket at their school",
    { team: ["tech"] },
    { ref: "immediate", tech: "digest" },
  ],
  ["no referent: the team gets digests", { referentId: null }, { ref: "digest", tech: "digest" }],
  ["the actor is never told", { actorId: "ref" }, { tech: "digest" }],
  ["a ticket assigned to me: each time", { kind: "assigned", actorId: "lead", direct: ["tech"], team: [] }, { tech: "immediate" }],
  ["assigning myself: nothing", { kind: "assigned", actorId: "tech", direct: ["tech"], team: [] }, {}],
  ["the referent hears of a reply only when holding the ticket", { kind: "reply", direct: ["tech"], team: [] }, { tech: "immediate" }],
  [
    "an escalation to a team: each member each time",
    { kind: "escalated", actorId: "lead", team: ["ref", "tech"] },
    { ref: "immediate", tech: "immediate" },
  ],
  ["a reply on an unheld ticket: the team each time", { kind: "reply", team: ["tech"] }, { tech: "immediate" }],
  ["an escalation to a person: each time", { kind: "escalated", actorId: "tech", direct: ["lead"], team: [] }, { lead: "immediate" }],
  [
    "preferences override the defaults",
    {
      preferences: new Map([
        ["ref", { new_ticket: "digest" as const }],
        ["tech", { new_ticket: "none" as const }],
      ]),
    },
    { ref: "digest", tech: "none" },
  ],
  [
    "a preference for another kind changes nothing",
    { preferences: new Map([["tech", { reply: "immediate" as const }]]) },
    { ref: "immediate", tech: "digest" },
  ],
  [
    "critical period: the referent at once whatever their preference",
    {
      critical: true,
      preferences: new Map([
        ["ref", { new_ticket: "none" as const }],
        ["tech", { new_ticket: "none" as const }],
      ]),
    },
    { ref: "immediate", tech: "none" },
  ],
  ["critical period: other members keep their digest", { critical: true }, { ref: "immediate", tech: "digest" }],
  ["critical period, the referent acting: still not told", { critical: true, actorId: "ref" }, { tech: "digest" }],
] as const)("%s", (_label, facts, expected) => {
  expect(plan(facts as Partial<NotificationFacts>)).toEqual(expected);
});

test("someone both named and in the team is told once", () => {
  expect(planNotifications({ ...base, kind: "escalated", direct: ["tech"], team: ["tech", "ref"] })).toHaveLength(2);
});
