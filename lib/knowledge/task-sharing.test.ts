import { expect, test } from "vitest";
import catalogue from "@/db/seed/data/service-catalogue.json";
import areaServices from "@/db/seed/data/task-sharing-services.json";
import taskSharing from "@/db/seed/data/task-sharing.json";
import { taskLink, whoDoesWhat } from "./task-sharing";

const categories = catalogue.services
  .flatMap((service) => service.categories)
  .map((category) => ({ code: category.code, schoolTask: category.school_task }));
const row = (activity: string) => taskSharing.rows.find((candidate) => candidate.activity === activity)!;

test.each([
  ["Se raccorder et faire fonctionner un vidéo projecteur", { kind: "advice", href: "/signaler/AV-RACCORD" }],
  ["Vérification des branchements des périphériques", { kind: "article", href: "/aide/conseils-poste" }],
])("%j leads to %j", (activity, expected) => {
  expect(taskLink(row(activity), categories)).toEqual(expected);
});

test("a task of the Région leads to filing in its domain's service", () => {
  const regional = taskSharing.rows.find((candidate) => candidate.area === "Équipements réseau" && candidate.school === null)!;
  expect(taskLink(regional, categories)).toEqual({ kind: "file", href: "/signaler?service=RESEAU" });
});

test("every domain of the table names a service of the catalogue, or none", () => {
  const codes = catalogue.services.map((service) => service.code);
  expect(Object.keys(areaServices.areas).sort()).toEqual([...new Set(taskSharing.rows.map((candidate) => candidate.area))].sort());
  for (const code of Object.values(areaServices.areas)) if (code !== null) expect(codes).toContain(code);
});

test("the search keeps the rows holding every word, accents and case ignored, by domain", () => {
  expect(whoDoesWhat("", categories).flatMap((group) => group.tasks)).toHaveLength(taskSharing.rows.length);
  const found = whoDoesWhat("VIDEO projecteur", categories);
  expect(found.map((group) => group.tasks.map((task) => task.activity))).toEqual([
    ["Se raccorder et faire fonctionner un vidéo projecteur"],
  ]);
  expect(whoDoesWhat("introuvablexyz", categories)).toEqual([]);
});
