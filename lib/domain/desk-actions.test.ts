import { describe, expect, test } from "vitest";
import { deskActions, lifecyclePath } from "./desk-actions";
import type { TicketStatus } from "./vocabulary";

describe("lifecyclePath", () => {
  test.each<[TicketStatus, TicketStatus, TicketStatus[] | null]>([
    ["in_progress", "in_progress", []],
    ["new", "waiting_vendor", ["waiting_vendor"]],
    ["assigned", "waiting_vendor", ["waiting_vendor"]],
    ["in_progress", "waiting_vendor", ["waiting_vendor"]],
    ["waiting_requester", "waiting_vendor", ["in_progress", "waiting_vendor"]],
    ["waiting_vendor", "waiting_requester", ["in_progress", "waiting_requester"]],
    ["resolved", "waiting_vendor", null],
    ["closed", "in_progress", null],
    ["cancelled", "assigned", null],
    ["resolved", "closed", ["closed"]],
  ])("%s → %s: %j", (from, to, path) => {
    expect(lifecyclePath(from, to)).toEqual(path);
  });
});

describe("deskActions", () => {
  const ALL_OPEN = ["reply", "take", "status", "assign", "move", "escalate", "requalify", "equipment", "link", "merge"];
  test.each<[TicketStatus, string[]]>([
    ["new", ALL_OPEN],
    ["assigned", ALL_OPEN],
    ["in_progress", ALL_OPEN],
    ["waiting_requester", ALL_OPEN],
    ["waiting_vendor", ALL_OPEN],
    ["resolved", ["reply", "status", "link"]],
    ["closed", ["link"]],
    ["cancelled", ["link"]],
    ["awaiting_approval", []],
  ])("%s: %j", (status, actions) => {
    expect(deskActions(status)).toEqual(actions);
  });
});
