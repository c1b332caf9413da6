import { expect, test } from "vitest";
import catalogue from "@/db/seed/data/service-catalogue.json";
import taskSharing from "@/db/seed/data/task-sharing.json";
import { SELF_HELP } from "./self-help";

const schoolTaskCategories = catalogue.services.flatMap((service) => service.categories).filter((category) => category.school_task);

test("every category the school does itself has advice, naming its task-sharing row", () => {
  expect(Object.keys(SELF_HELP).sort()).toEqual(schoolTaskCategories.map((category) => category.code).sort());
  for (const category of schoolTaskCategories) expect(SELF_HELP[category.code]!.task).toBe(category.school_task);
});

test("each advised task is a row the convention gives to the school", () => {
  for (const advice of Object.values(SELF_HELP)) {
    const row = taskSharing.rows.find((candidate) => candidate.activity === advice.task);
    expect(row?.school).toBe("yes");
    expect(advice.steps.length).toBeGreaterThan(0);
  }
});
