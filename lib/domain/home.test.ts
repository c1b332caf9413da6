import { describe, expect, it } from "vitest";
import { homeBlocks, ticketUrgency, waitingForRequester } from "./home";
import type { Role, TicketStatus } from "./vocabulary";

describe("homeBlocks", () => {
  it.each<[Role, { portal: boolean; desk: boolean; schoolDashboard: boolean; approvals: boolean }]>([
    ["requester", { portal: true, desk: false, schoolDashboard: false, approvals: true }],
    ["manager", { portal: true, desk: false, schoolDashboard: true, approvals: true }],
    ["technician", { portal: false, desk: true, schoolDashboard: false, approvals: false }],
    ["sector_lead", { portal: false, desk: true, schoolDashboard: false, approvals: true }],
    ["service_lead", { portal: false, desk: true, schoolDashboard: false, approvals: false }],
    ["academy_agent", { portal: false, desk: true, schoolDashboard: false, approvals: false }],
    ["vendor_agent", { portal: false, desk: true, schoolDashboard: false, approvals: false }],
    ["admin", { portal: false, desk: true, schoolDashboard: false, approvals: false }],
  ])("%s", (role, expected) => {
    const { shortcuts, ...blocks } = homeBlocks({ role });
    expect(blocks).toEqual(expected);
    // The shortcuts never repeat what a block already leads to.
    for (const covered of ["home", "file", "myTickets", "desk"]) expect(shortcuts.map((item) => item.key)).not.toContain(covered);
  });

  it("gives each role the rest of its menu as shortcuts", () => {
    expect(homeBlocks({ role: "requester" }).shortcuts.map((item) => item.key)).toEqual([
      "catalogue",
      "serviceStatus",
      "help",
      "whoDoesWhat",
      "myEstablishments",
      "inventory",
      "account",
    ]);
    expect(homeBlocks({ role: "admin" }).shortcuts.map((item) => item.key)).toEqual([
      "planning",
      "slaSummary",
      "catalogue",
      "serviceStatus",
      "help",
      "whoDoesWhat",
      "establishments",
      "inventory",
      "deliveries",
      "dashboards",
      "users",
      "routing",
      "calendars",
      "journal",
      "organisation",
      "onboarding",
      "campaigns",
      "mail",
      "criticalPeriods",
      "account",
    ]);
  });
});

describe("waitingForRequester", () => {
  it("sorts out the answers asked and the resolutions to confirm, nothing else", () => {
    const tickets = (["new", "waiting_requester", "in_progress", "resolved", "waiting_vendor", "waiting_requester"] as TicketStatus[]).map(
      (status, index) => ({ status, reference: `T${index}` }),
    );
    const { answer, confirm } = waitingForRequester(tickets);
    expect(answer.map((ticket) => ticket.reference)).toEqual(["T1", "T5"]);
    expect(confirm.map((ticket) => ticket.reference)).toEqual(["T3"]);
  });

  it("is empty when nothing waits", () => {
    expect(waitingForRequester([{ status: "new" as const }])).toEqual({ answer: [], confirm: [] });
  });
});

describe("ticketUrgency", () => {
  it.each([
    ["P1", null, "urgent"],
    ["P2", "ok", "urgent"],
    ["P3", "ok", null],
    ["P4", null, null],
    ["P3", "at_risk", null],
    ["P4", "breached", "breached"],
    ["P1", "breached", "breached"],
  ] as const)("%s with SLA %s → %s", (priority, state, expected) => {
    expect(ticketUrgency({ priority, sla: { state } })).toBe(expected);
  });
});
