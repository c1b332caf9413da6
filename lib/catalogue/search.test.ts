import { expect, test } from "vitest";
import catalogue from "@/db/seed/data/service-catalogue.json";
import { foldText, searchCatalogue } from "./search";

const services = catalogue.services;
const codes = (query: string) => searchCatalogue(services, query).map((service) => service.code);

test.each([
  ["", services.map((service) => service.code)],
  ["reseau local", ["RESEAU"]],
  ["RÉSEAU LOCAL", ["RESEAU"]],
  ["imprimante reseau", ["IMPRESSION"]],
  ["vidéoprojecteur", ["EQUIPEMENT", "AUDIOVISUEL"]],
  ["toner", ["IMPRESSION"]],
  ["mot de passe élève", ["COMPTES"]],
  ["filtrage exception", ["SECURITE"]],
  ["SIECLE", ["LOG-ADMIN"]],
  ["licences", ["POSTE", "LOG-ADMIN", "LOG-PEDA"]],
  ["introuvable-xyz", []],
  // Symptoms, in the words of the person it happens to (search-words.json, self-help advice).
  ["écran noir", ["POSTE", "AUDIOVISUEL"]],
  ["ECRAN NOIR", ["POSTE", "AUDIOVISUEL"]],
  ["pc", ["POSTE", "IMPRESSION", "EQUIPEMENT", "AUDIOVISUEL"]],
  ["ordinateur lent", ["POSTE"]],
  ["imprimante bloquée", ["IMPRESSION"]],
  ["papier coincé", ["IMPRESSION"]],
  ["site bloqué", ["SECURITE"]],
  ["mdp", ["COMPTES"]],
  ["hdmi", ["AUDIOVISUEL"]],
  // Words match from their start, not inside another word.
  ["imprim", ["IMPRESSION"]],
  ["cran", []],
])("%j finds %j", (query, expected) => {
  expect(codes(query)).toEqual(expected);
});

test("foldText removes accents and case", () => {
  expect(foldText("Établissement Châteauneuf")).toBe("etablissement chateauneuf");
});
