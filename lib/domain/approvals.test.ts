import { expect, test } from "vitest";
import {
  addWorkingDays,
  afterApproval,
  approvalSummary,
  approverKindsOf,
  decidesPendingLevel,
  dueApprovalAction,
  levelsAtFiling,
  slaStartAfterApproval,
  type ApprovalLevel,
  type Approver,
} from "./approvals";
import type { ApproverKind } from "./vocabulary";

const school = { establishmentId: "school-a", zoneId: "zone-west", delegateIds: ["delegate"] };
const person = (over: Partial<Approver>): Approver => ({
  id: "someone",
  role: "requester",
  functionCode: null,
  establishmentIds: ["school-a"],
  zoneId: null,
  ...over,
});

test.each<[string, Approver, ApproverKind[]]>([
  ["the head", person({ role: "manager", functionCode: "chef_etablissement" }), ["school_head"]],
  ["another school's head", person({ role: "manager", functionCode: "chef_etablissement", establishmentIds: ["school-b"] }), []],
  ["the head's delegate", person({ id: "delegate", functionCode: "csl" }), ["school_head"]],
  ["a CSL", person({ functionCode: "csl" }), []],
  ["the secrétaire général", person({ functionCode: "gestionnaire" }), ["secretary_general"]],
  ["the zone's sector lead", person({ role: "sector_lead", zoneId: "zone-west", establishmentIds: [] }), ["sector_lead"]],
  ["another zone's sector lead", person({ role: "sector_lead", zoneId: "zone-east", establishmentIds: [] }), []],
  ["a technician", person({ role: "technician", establishmentIds: [] }), []],
])("%s approves %o", (_, who, kinds) => {
  expect(approverKindsOf(who, school)).toEqual(kinds);
});

const NOW = new Date("2026-12-04T10:00:00Z");
test.each<[string, ApproverKind[], ApproverKind[], string[], boolean]>([
  ["a CSL's filtering exception", ["school_head"], [], ["pending"], false],
  ["the head's own filtering exception", ["school_head"], ["school_head"], ["approved"], true],
  ["a CSL's project", ["school_head", "sector_lead"], [], ["pending", "waiting"], false],
  ["the head's project", ["school_head", "sector_lead"], ["school_head"], ["approved", "pending"], false],
  ["a sector lead's own project level only", ["school_head", "sector_lead"], ["sector_lead"], ["pending", "waiting"], false],
  ["no approval", [], [], [], true],
])("filing %s", (_, kinds, filerKinds, states, approved) => {
  const filed = levelsAtFiling(kinds, filerKinds, NOW);
  expect(filed.levels.map((level) => level.state)).toEqual(states);
  expect(filed.approved).toBe(approved);
  expect(filed.levels.filter((level) => level.state === "waiting").every((level) => level.openedAt === null)).toBe(true);
});

const level = (over: Partial<ApprovalLevel>): ApprovalLevel => ({
  level: 1,
  approverKind: "school_head",
  state: "pending",
  openedAt: NOW,
  remindedAt: null,
  decidedAt: null,
  decidedById: null,
  ...over,
});

test.each<[string, ApprovalLevel[], ApproverKind[], boolean]>([
  ["the head, on the school's level", [level({})], ["school_head"], true],
  [
    "the sector lead, before the school approved",
    [level({}), level({ level: 2, approverKind: "sector_lead", state: "waiting" })],
    ["sector_lead"],
    false,
  ],
  [
    "the sector lead, once the school approved",
    [level({ state: "approved" }), level({ level: 2, approverKind: "sector_lead" })],
    ["sector_lead"],
    true,
  ],
  ["anyone, once refused", [level({ state: "refused" })], ["school_head"], false],
])("%s decides: %s", (_, levels, kinds, expected) => {
  expect(decidesPendingLevel(kinds, levels)).toBe(expected);
});

test("after an approval, the next level opens, then the ticket is approved", () => {
  expect(afterApproval([level({}), level({ level: 2, state: "waiting" })])).toEqual({ kind: "next", level: 2 });
  expect(afterApproval([level({ state: "approved" }), level({ level: 2 })])).toEqual({ kind: "approved" });
});

// Friday 4 December 2026, 10:00 Paris = 09:00 UTC.
test.each([
  ["Friday 10:00 + 2 → Tuesday 10:00 (across the weekend)", "2026-12-04T09:00:00Z", 2, "2026-12-08T09:00:00.000Z"],
  ["Friday 10:00 + 10 → Friday two weeks later", "2026-12-04T09:00:00Z", 10, "2026-12-18T09:00:00.000Z"],
  ["Wednesday 23 Dec + 2 → Monday 28 (Christmas and the weekend)", "2026-12-23T09:00:00Z", 2, "2026-12-28T09:00:00.000Z"],
  ["Saturday + 1 → Monday", "2026-12-05T09:00:00Z", 1, "2026-12-07T09:00:00.000Z"],
  ["Friday 27 March 10:00 + 2 → Tuesday 31, across the change to summer time", "2026-03-27T09:00:00Z", 2, "2026-03-31T08:00:00.000Z"],
])("%s", (_, start, days, expected) => {
  expect(addWorkingDays(new Date(start), days).toISOString()).toBe(expected);
});

const opened = new Date("2026-12-04T09:00:00Z");
test.each<[string, Partial<ApprovalLevel>, string, "expire" | "remind" | null]>([
  ["Monday: nothing yet", {}, "2026-12-07T16:00:00Z", null],
  ["Tuesday at the hour: remind", {}, "2026-12-08T09:00:00Z", "remind"],
  ["Tuesday, already reminded", { remindedAt: new Date("2026-12-08T09:00:00Z") }, "2026-12-09T09:00:00Z", null],
  ["Friday two weeks later: give up", { remindedAt: new Date("2026-12-08T09:00:00Z") }, "2026-12-18T09:00:00Z", "expire"],
  ["Thursday before: still waiting", { remindedAt: new Date("2026-12-08T09:00:00Z") }, "2026-12-17T09:00:00Z", null],
  ["a waiting level: nothing", { state: "waiting", openedAt: null }, "2026-12-30T09:00:00Z", null],
])("%s", (_, over, now, expected) => {
  expect(dueApprovalAction(level({ openedAt: opened, ...over }), new Date(now))).toBe(expected);
});

test.each<[string, Partial<ApprovalLevel>[], string | null, number | null]>([
  ["no approval", [], null, null],
  ["pending", [{ state: "approved" }, { level: 2, state: "pending" }], "pending", null],
  ["approved by the last level", [{ state: "approved" }, { level: 2, state: "approved" }], "approved", 2],
  ["refused by the second level", [{ state: "approved" }, { level: 2, state: "refused" }], "refused", 2],
  ["given up", [{ state: "expired" }], "expired", 1],
])("summary: %s", (_, levels, state, decisive) => {
  const summary = approvalSummary(levels.map(level));
  expect(summary?.state ?? null).toBe(state);
  expect(summary?.decisive?.level ?? null).toBe(decisive);
});

const at = (iso: string) => new Date(iso);
test.each([
  ["a ticket never held for approval", "new", [{ at: at("2026-12-04T10:00:00Z"), from: "new", to: "assigned" }], "2026-12-04T09:00:00Z", 1],
  ["waiting for approval: no clock", "awaiting_approval", [], null, 0],
  [
    "approved: clocks start then",
    "new",
    [{ at: at("2026-12-08T10:00:00Z"), from: "awaiting_approval", to: "new" }],
    "2026-12-08T10:00:00Z",
    0,
  ],
  ["refused: no clock", "cancelled", [{ at: at("2026-12-08T10:00:00Z"), from: "awaiting_approval", to: "cancelled" }], null, 0],
] as const)("SLA start: %s", (_, status, changes, start, kept) => {
  const result = slaStartAfterApproval(at("2026-12-04T09:00:00Z"), status, changes);
  expect(result?.createdAt.toISOString().replace(".000", "") ?? null).toBe(start);
  expect(result?.statusChanges.length ?? 0).toBe(kept);
});
