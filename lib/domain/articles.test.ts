import { describe, expect, test } from "vitest";
import {
  articleChangeRefusal,
  articleReadScope,
  articleSlug,
  canReadArticle,
  draftFromTicket,
  freeSlug,
  redactNames,
  typedSearchQuery,
  type ArticleState,
} from "./articles";
import type { Role } from "./vocabulary";

describe("articleReadScope", () => {
  test.each<[Role, ReturnType<typeof articleReadScope>]>([
    ["requester", { states: ["published"], audiences: ["schools"] }],
    ["manager", { states: ["published"], audiences: ["schools"] }],
    ["vendor_agent", { states: ["published"], audiences: ["schools"] }],
    ["technician", { states: ["draft", "published", "archived"], audiences: ["schools", "staff"] }],
    ["service_lead", { states: ["draft", "published", "archived"], audiences: ["schools", "staff"] }],
    ["admin", { states: ["draft", "published", "archived"], audiences: ["schools", "staff"] }],
  ])("%s reads %j", (role, expected) => {
    expect(articleReadScope({ role })).toEqual(expected);
  });

  test.each<[Role, ArticleState, "schools" | "staff", boolean]>([
    ["requester", "published", "schools", true],
    ["requester", "published", "staff", false],
    ["requester", "draft", "schools", false],
    ["manager", "archived", "schools", false],
    ["technician", "draft", "staff", true],
  ])("%s reads a %s article for %s → %s", (role, state, audience, expected) => {
    expect(canReadArticle({ role }, { state, audience })).toBe(expected);
  });
});

describe("articleChangeRefusal", () => {
  test.each<[Role, ArticleState | null, ArticleState, ReturnType<typeof articleChangeRefusal>]>([
    ["requester", null, "draft", "forbidden"],
    ["manager", "draft", "draft", "forbidden"],
    ["vendor_agent", null, "draft", "forbidden"],
    ["technician", null, "draft", null],
    ["technician", "draft", "draft", null],
    ["technician", null, "published", "forbidden"],
    ["technician", "draft", "published", "forbidden"],
    ["technician", "published", "published", "forbidden"],
    ["technician", "published", "archived", "forbidden"],
    ["service_lead", null, "published", null],
    ["service_lead", "draft", "published", null],
    ["admin", "published", "published", null],
    ["admin", "published", "archived", null],
    ["admin", "archived", "published", null],
    ["admin", "published", "draft", "transition"],
    ["admin", "archived", "draft", "transition"],
    ["admin", null, "archived", "transition"],
  ])("%s from %s to %s → %s", (role, current, next, expected) => {
    expect(articleChangeRefusal({ role }, current, next)).toBe(expected);
  });
});

describe("slugs", () => {
  test.each([
    ["Imprimante bloquée : que faire ?", "imprimante-bloquee-que-faire"],
    ["  Réseau — Wi-Fi   lent !", "reseau-wi-fi-lent"],
    ["???", "article"],
    ["a".repeat(100), "a".repeat(80)],
  ])("%j → %j", (title, expected) => {
    expect(articleSlug(title)).toBe(expected);
  });

  test.each([
    ["wifi", [], "wifi"],
    ["wifi", ["wifi"], "wifi-2"],
    ["wifi", ["wifi", "wifi-2", "wifi-3"], "wifi-4"],
    ["nouveau", [], "nouveau-2"],
  ])("%j with %j taken → %j", (slug, taken, expected) => {
    expect(freeSlug(slug, new Set(taken))).toBe(expected);
  });
});

describe("typedSearchQuery", () => {
  test.each([
    ["imprimante bloq", "imprimante | bloq:*"],
    ["L'imprimante & (bloquée)!", "imprimante | bloquée:*"],
    ["a", null],
    ["  ", null],
    ["x:* | y", null],
  ])("%j → %j", (typed, expected) => {
    expect(typedSearchQuery(typed)).toBe(expected);
  });
});

describe("redactNames", () => {
  const names = { people: ["Claire Dubois", "Jean-Marc Lefèvre"], places: ["Lycée Choiseul", "Tours"] };
  test.each([
    ["Bonjour, Claire Dubois du Lycée Choiseul à Tours.", "Bonjour, … du … à …."],
    ["Mme DUBOIS a rappelé ; M. Lefevre est passé.", "Mme … a rappelé ; M. … est passé."],
    ["Jean-Marc a changé le toner.", "… a changé le toner."],
    ["Le lycée a une imprimante à Tourcoing.", "Le lycée a une imprimante à Tourcoing."],
    ["Écrire à claire.dubois@ac-orleans-tours.fr ou au 02 47 00 00 00.", "Écrire à … ou au …."],
    ["UAI 0370037P, poste 12.", "UAI …, poste 12."],
  ])("%j → %j", (text, expected) => {
    expect(redactNames(text, names)).toBe(expected);
  });
});

test("draftFromTicket keeps the question and the public answers, names removed", () => {
  expect(
    draftFromTicket({
      title: "Imprimante bloquée chez Mme Dubois",
      description: "L'imprimante de la salle B12 du Lycée Choiseul affiche « bourrage ».\nClaire Dubois",
      answers: ["Ouvrir le capot arrière et retirer la feuille.", "Bonjour Claire, c'est réglé. Jean-Marc"],
      people: ["Claire Dubois", "Jean-Marc Lefèvre"],
      places: ["Lycée Choiseul"],
    }),
  ).toEqual({
    title: "Imprimante bloquée chez Mme …",
    question: "L'imprimante de la salle B12 du … affiche « bourrage ».\n…",
    answer: "Ouvrir le capot arrière et retirer la feuille.\n\nBonjour …, c'est réglé. …",
  });
});
