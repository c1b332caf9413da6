import { describe, expect, test } from "vitest";
import catalogue from "@/db/seed/data/service-catalogue.json";
import { at, P2, ticket } from "@/tests/support/sla-facts";
import { DEFAULT_CALENDAR } from "./business-calendar";
import { computeSla } from "./sla";
import {
  assertSlaTargets,
  commitmentFor,
  DEFAULT_SLA_TARGETS,
  OUVERT_RESOLVE_FACTOR,
  type SlaCommitment,
  type SlaTargets,
} from "./sla-commitment";
import { PRIORITIES, type Priority, SUPPORT_MODES } from "./vocabulary";

const HARDWARE_INCIDENT = { type: "incident", hardware: true } as const;
const SOFTWARE_INCIDENT = { type: "incident", hardware: false } as const;
const REQUEST = { type: "request", hardware: false } as const;
const HARDWARE_REQUEST = { type: "request", hardware: true } as const;

describe("policies and commitments", () => {
  test.each([
    // The default policy, in business minutes.
    ["P1", 30, 4 * 60],
    ["P2", 2 * 60, 10 * 60],
    ["P3", 4 * 60, 30 * 60],
    ["P4", 10 * 60, 100 * 60],
  ] as const)("default policy %s: TTO %i min, TTR %i min", (priority, own, resolve) => {
    expect(DEFAULT_SLA_TARGETS[priority]).toEqual({ own, resolve });
  });

  test("the default policy is the reference catalogue's, and frozen", () => {
    expect(DEFAULT_SLA_TARGETS).toEqual(catalogue.default_sla_business_minutes);
    expect(Object.isFrozen(DEFAULT_SLA_TARGETS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SLA_TARGETS.P1)).toBe(true);
    expect(() => assertSlaTargets(DEFAULT_SLA_TARGETS)).not.toThrow();
  });

  // priority, mode, category → commitment
  const CASES: Array<[Priority, string, { type: "incident" | "request"; hardware: boolean }, SlaCommitment | null]> = [];
  for (const priority of PRIORITIES) {
    const { own, resolve } = DEFAULT_SLA_TARGETS[priority];
    const full = { own, resolve };
    CASES.push(
      [priority, "normal", HARDWARE_INCIDENT, full],
      [priority, "normal", SOFTWARE_INCIDENT, full],
      [priority, "normal", REQUEST, full],
      [priority, "ouvert", HARDWARE_INCIDENT, { own, resolve: resolve * 3 }],
      [priority, "ouvert", SOFTWARE_INCIDENT, { own, resolve: resolve * 3 }],
      [priority, "ouvert", REQUEST, { own, resolve: resolve * 3 }],
      [priority, "hors_perimetre", HARDWARE_INCIDENT, full],
      [priority, "hors_perimetre", SOFTWARE_INCIDENT, null],
      [priority, "hors_perimetre", REQUEST, null],
      [priority, "hors_perimetre", HARDWARE_REQUEST, null],
    );
  }
  test.each(CASES)("%s in %s mode, %o → %o", (priority, supportMode, category, expected) => {
    const mode = SUPPORT_MODES.find((value) => value === supportMode)!;
    expect(commitmentFor({ targets: DEFAULT_SLA_TARGETS, priority, supportMode: mode, category })).toEqual(expected);
  });

  test("ouvert multiplies the time to resolve only, by 3", () => {
    expect(OUVERT_RESOLVE_FACTOR).toBe(3);
    expect(commitmentFor({ targets: DEFAULT_SLA_TARGETS, priority: "P1", supportMode: "ouvert", category: REQUEST })).toEqual({
      own: 30,
      resolve: 720,
    });
    expect(commitmentFor({ targets: DEFAULT_SLA_TARGETS, priority: "P4", supportMode: "ouvert", category: REQUEST })).toEqual({
      own: 600,
      resolve: 18_000,
    });
  });

  test("every hardware category of the catalogue is an incident, so hors_perimetre keeps a commitment on each", () => {
    const categories = catalogue.services.flatMap((service) => service.categories);
    const hardware = categories.filter((category) => category.hardware);
    expect(hardware.length).toBeGreaterThan(0);
    for (const category of categories) {
      const commitment = commitmentFor({
        targets: DEFAULT_SLA_TARGETS,
        priority: "P2",
        supportMode: "hors_perimetre",
        category: { type: category.type === "incident" ? "incident" : "request", hardware: category.hardware },
      });
      expect([category.code, commitment]).toEqual([category.code, category.hardware ? P2 : null]);
    }
  });

  test("a custom policy is used as given", () => {
    const targets: SlaTargets = { ...DEFAULT_SLA_TARGETS, P3: { own: 60, resolve: 480 } };
    expect(commitmentFor({ targets, priority: "P3", supportMode: "ouvert", category: REQUEST })).toEqual({ own: 60, resolve: 1440 });
  });

  test.each([0, -30, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("rejects a target of %s minutes", (own) => {
    const targets: SlaTargets = { ...DEFAULT_SLA_TARGETS, P2: { own, resolve: 600 } };
    expect(() => commitmentFor({ targets, priority: "P2", supportMode: "normal", category: REQUEST })).toThrow(RangeError);
    expect(() => assertSlaTargets(targets)).toThrow(/P2.*"own"/);
    expect(() => computeSla(DEFAULT_CALENDAR, { own, resolve: 600 }, ticket("2026-06-08T06:00:00Z"), at("2026-06-08T07:00:00Z"))).toThrow(
      RangeError,
    );
  });
});
