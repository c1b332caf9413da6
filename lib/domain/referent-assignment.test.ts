import { describe, expect, test } from "vitest";
import { referentAssignee, type SchoolReferents } from "./referent-assignment";
import type { Absence } from "./visit-planning";

const both: SchoolReferents = { referentId: "ref", backupId: "bak" };
const away = (userId: string, startsOn = "2026-12-07", endsOn = "2026-12-11"): Absence => ({ userId, startsOn, endsOn });
const TEAM = ["ref", "bak", "other"];

describe("referentAssignee", () => {
  test.each<[string, SchoolReferents | null, Absence[], string[], string, ReturnType<typeof referentAssignee>]>([
    ["no referent set", null, [], TEAM, "2026-12-08", { assigneeId: null, reason: "no_referent" }],
    ["referent present", both, [], TEAM, "2026-12-08", { assigneeId: "ref", reason: "referent" }],
    ["referent away, backup present", both, [away("ref")], TEAM, "2026-12-08", { assigneeId: "bak", reason: "backup" }],
    ["referent away on the first day", both, [away("ref")], TEAM, "2026-12-07", { assigneeId: "bak", reason: "backup" }],
    ["referent away on the last day", both, [away("ref")], TEAM, "2026-12-11", { assigneeId: "bak", reason: "backup" }],
    ["referent back the day after", both, [away("ref")], TEAM, "2026-12-12", { assigneeId: "ref", reason: "referent" }],
    [
      "referent away, no backup",
      { referentId: "ref", backupId: null },
      [away("ref")],
      TEAM,
      "2026-12-08",
      { assigneeId: null, reason: "unavailable" },
    ],
    [
      "both away",
      both,
      [away("ref"), away("bak", "2026-12-08", "2026-12-08")],
      TEAM,
      "2026-12-08",
      { assigneeId: null, reason: "unavailable" },
    ],
    ["only the backup away", both, [away("bak")], TEAM, "2026-12-08", { assigneeId: "ref", reason: "referent" }],
    ["referent outside the chosen team", both, [], ["bak"], "2026-12-08", { assigneeId: "bak", reason: "backup" }],
    ["neither in the chosen team", both, [], ["other"], "2026-12-08", { assigneeId: null, reason: "unavailable" }],
  ])("%s", (_label, referents, absences, teamMemberIds, today, expected) => {
    expect(referentAssignee(referents, { absences, teamMemberIds, today })).toEqual(expected);
  });
});
