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
])("%j finds %j", (query, expected) => {
  expect(codes(query)).toEqual(expected);
});

test("foldText removes accents and case", () => {
  expect(foldText("Établissement Châteauneuf")).toBe("etablissement chateauneuf");
});
