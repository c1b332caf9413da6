import { describe, expect, test } from "vitest";
import { accountAccess, accountChange, accountShapeProblem, managesAccounts, type AccountShape } from "./account-permissions";
import { ROLES } from "./vocabulary";
import type { Role } from "./vocabulary";

const who = (role: Role, establishmentIds: string[] = []) => ({ role, establishmentIds });
const account = (role: Role, establishmentIds: string[] = [], teamIds: string[] = []): AccountShape => ({
  role,
  establishmentIds,
  teamIds,
});

const admin = who("admin");
const headA = who("manager", ["A"]);
const headAB = who("manager", ["A", "B"]);

describe("accountAccess: who may find, read, edit, disable and re-enable an account", () => {
  test.each([
    ["admin, a technician", admin, account("technician", [], ["T"]), "allowed"],
    ["admin, a requester anywhere", admin, account("requester", ["C"]), "allowed"],
    ["head, a requester of their school", headA, account("requester", ["A"]), "allowed"],
    ["head, another head of their school", headA, account("manager", ["A"]), "allowed"],
    ["head, a requester of two schools, one theirs", headA, account("requester", ["A", "C"]), "allowed"],
    ["head, a requester of another school", headA, account("requester", ["C"]), "not_found"],
    ["head, a technician (no school)", headA, account("technician", [], ["T"]), "not_found"],
    ["head, an admin listed at their school", headA, account("admin", ["A"]), "forbidden"],
    ["requester, a colleague", who("requester", ["A"]), account("requester", ["A"]), "forbidden"],
    ["technician, a requester", who("technician"), account("requester", ["A"]), "forbidden"],
    ["service lead, a requester", who("service_lead"), account("requester", ["A"]), "forbidden"],
  ] as const)("%s → %s", (_, caller, target, expected) => {
    expect(accountAccess(caller, target)).toBe(expected);
  });
});

describe("accountChange: who may create an account or give it a role, schools and teams", () => {
  test.each([
    ["admin creates a technician with teams", admin, null, account("technician", [], ["T1", "T2"]), "allowed"],
    ["admin makes a requester an admin", admin, account("requester", ["A"]), account("admin"), "allowed"],
    ["head creates a requester of their school", headA, null, account("requester", ["A"]), "allowed"],
    ["head creates a head of their school", headA, null, account("manager", ["A"]), "allowed"],
    ["head creates a technician of their school", headA, null, account("technician", ["A"]), "forbidden"],
    ["head creates an admin", headA, null, account("admin", ["A"]), "forbidden"],
    ["head creates a requester of another school", headA, null, account("requester", ["C"]), "not_found"],
    ["head creates a technician of another school", headA, null, account("technician", ["C"]), "not_found"],
    ["head creates a requester of their and another school", headA, null, account("requester", ["A", "C"]), "not_found"],
    ["head creates a requester with no school", headA, null, account("requester"), "forbidden"],
    ["head creates a requester in a team", headA, null, account("requester", ["A"], ["T"]), "forbidden"],
    ["head moves a requester between their two schools", headAB, account("requester", ["A"]), account("requester", ["B"]), "allowed"],
    [
      "head removes a requester from their school, keeping the other",
      headA,
      account("requester", ["A", "C"]),
      account("requester", ["C"]),
      "allowed",
    ],
    ["head removes a requester from another school", headA, account("requester", ["A", "C"]), account("requester", ["A"]), "not_found"],
    ["head promotes a requester to technician", headA, account("requester", ["A"]), account("technician", ["A"]), "forbidden"],
    ["head makes a requester a head", headA, account("requester", ["A"]), account("manager", ["A"]), "allowed"],
    ["head edits another school's requester", headA, account("requester", ["C"]), account("requester", ["C", "A"]), "not_found"],
    ["head edits an admin of their school", headA, account("admin", ["A"]), account("admin", ["A"]), "forbidden"],
    ["requester creates a requester", who("requester", ["A"]), null, account("requester", ["A"]), "forbidden"],
    ["technician creates a requester", who("technician"), null, account("requester", ["A"]), "forbidden"],
    ["sector lead edits a requester", who("sector_lead"), account("requester", ["A"]), account("requester", ["A"]), "forbidden"],
  ] as const)("%s → %s", (_, caller, before, after, expected) => {
    expect(accountChange(caller, before, after)).toBe(expected);
  });
});

test.each([
  [account("requester", ["A"]), false, null],
  [account("requester"), false, "school_staff_need_a_school"],
  [account("requester"), true, null],
  [account("requester", ["A"], ["QUEUE-A"]), false, null],
  [account("technician", [], ["T"]), false, null],
  [account("admin"), false, null],
  [account("technician", ["A"]), false, "staff_have_no_school"],
] as const)("shape of %j (disabled: %s) → %s", (shape, disabled, expected) => {
  expect(accountShapeProblem({ ...shape, disabled })).toBe(expected);
});

test.each(ROLES.map((role) => [role, role === "admin" || role === "manager"] as const))("%s manages accounts: %s", (role, expected) => {
  expect(managesAccounts({ role })).toBe(expected);
});
