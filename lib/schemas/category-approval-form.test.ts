import { describe, expect, test } from "vitest";
import { categoryApprovalForm } from "./approvals";

describe("categoryApprovalForm (the admin page's form of one category)", () => {
  test.each([
    [
      { code: "SEC-FILTRAGE", first: "school_head", second: "none" },
      { levels: ["school_head"], project: false },
    ],
    [
      { code: "LOGPED-QUALIF", first: "school_head", second: "sector_lead", project: "on" },
      { levels: ["school_head", "sector_lead"], project: true },
    ],
    [
      { code: "POSTE-PANNE", first: "none", second: "none" },
      { levels: [], project: false },
    ],
  ])("%j → %j", (form, expected) => {
    expect(categoryApprovalForm.parse(form)).toEqual({ code: form.code, ...expected });
  });

  test.each([
    [{ code: "SEC-FILTRAGE", first: "school_head", second: "school_head" }, "second", "approvals.errors.repeatedLevel"],
    [{ code: "SEC-FILTRAGE", first: "none", second: "sector_lead" }, "first", "approvals.errors.secondWithoutFirst"],
    [{ code: "SEC-FILTRAGE", first: "rector", second: "none" }, "first", "approvals.errors.unknownApprover"],
  ])("%j is refused on %s", (form, field, message) => {
    const issues = categoryApprovalForm.safeParse(form).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path[0], issue.message])).toContainEqual([field, message]);
  });
});
