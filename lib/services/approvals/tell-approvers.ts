import type { Executor } from "@/db/client";
import { approversOf, ticketForApproval } from "@/db/queries/approvals";
import { addWorkingDays, TIMEOUT_WORKING_DAYS } from "@/lib/domain/approvals";
import type { ApproverKind } from "@/lib/domain/vocabulary";
import { env } from "@/lib/env";
import { approvalOutcomeEmail, approvalRequestEmail } from "@/lib/mail/approval-templates";
import type { RenderedEmail } from "@/lib/mail/templates";
import { writeOutbox } from "../mail/write-outbox";
import { recordStaffNotifications } from "../notifications/record-staff-notifications";
import { APPROVAL_LINK_LIFETIME_DAYS, createApprovalToken } from "./approval-link";

const SCHOOL_ROLES = new Set(["requester", "manager"]);

type Ticket = NonNullable<Awaited<ReturnType<typeof ticketForApproval>>>;

type Person = { id: string; name: string; email: string };

/** The ticket's e-mail to each person, once per key and person. */
const mailPeople = (tx: Executor, ticketId: string, key: string, people: Person[], render: (person: Person) => RenderedEmail, now: Date) =>
  writeOutbox(tx, people, (person) => ({ idempotencyKey: `${key}:${person.id}`, ticketId, email: render(person) }), now);

const givenUpOn = (openedAt: Date) =>
  new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long" }).format(addWorkingDays(openedAt, TIMEOUT_WORKING_DAYS));

function requestEmail(ticket: Ticket, level: number, openedAt: Date, reminder: boolean, now: Date) {
  return (person: { id: string; name: string }) =>
    approvalRequestEmail({
      appUrl: env().APP_URL,
      reference: ticket.reference,
      title: ticket.title,
      school: ticket.school,
      requesterName: ticket.requesterName,
      recipientName: person.name,
      token: createApprovalToken({ ticketId: ticket.id, level, approverId: person.id }, now, env().AUTH_SECRET),
      linkDays: APPROVAL_LINK_LIFETIME_DAYS,
      reminder,
      givenUpOn: givenUpOn(openedAt),
    });
}

/**
 * Inside the caller's transaction: tells the approvers of a level just opened (by the filing's "created" entry or
 * the previous level's approval, `eventId`) with an e-mail holding their own signed link. Staff approvers (the
 * sector lead) get it as their `approval` notification, by their preferences; the school's, by e-mail each time.
 * Returns the outbox ids written.
 */
export async function tellApprovers(
  tx: Executor,
  opened: { ticketId: string; level: number; approverKind: ApproverKind; eventId: number; actorId: string | null },
  now: Date,
): Promise<string[]> {
  const ticket = await ticketForApproval(tx, opened.ticketId);
  if (!ticket) return [];
  const approvers = (await approversOf(tx, opened.approverKind, ticket)).filter((person) => person.id !== opened.actorId);
  const render = requestEmail(ticket, opened.level, now, false, now);
  const school = approvers.filter((person) => SCHOOL_ROLES.has(person.role));
  const staff = approvers.filter((person) => !SCHOOL_ROLES.has(person.role));
  const staffIds = staff.length
    ? await recordStaffNotifications(
        tx,
        {
          kind: "approval",
          direct: staff.map((person) => person.id),
          teamIds: [],
          ticketId: ticket.id,
          eventId: opened.eventId,
          actorId: opened.actorId,
          outboxKind: "approval",
        },
        render,
        now,
      )
    : [];
  return [...staffIds, ...(await mailPeople(tx, ticket.id, `approval:${opened.eventId}`, school, render, now))];
}

/** The pending level's reminder (2 working days unanswered): every approver of the level, by e-mail, once per level. */
export async function remindApprovers(
  tx: Executor,
  pending: { ticketId: string; level: number; approverKind: ApproverKind; openedAt: Date },
  now: Date,
): Promise<string[]> {
  const ticket = await ticketForApproval(tx, pending.ticketId);
  if (!ticket) return [];
  const approvers = await approversOf(tx, pending.approverKind, ticket);
  return mailPeople(
    tx,
    ticket.id,
    `approval_reminder:${ticket.id}:${pending.level}`,
    approvers,
    requestEmail(ticket, pending.level, pending.openedAt, true, now),
    now,
  );
}

/** The requester (and, when nobody answered, the level's approvers) told the request is refused and why, or given up. */
export async function tellApprovalOutcome(
  tx: Executor,
  ended: {
    ticketId: string;
    level: number;
    approverKind: ApproverKind;
    eventId: number;
    outcome: { kind: "refused"; by: string; reason: string } | { kind: "expired"; days: number };
  },
  requester: Person | null,
  now: Date,
): Promise<string[]> {
  const ticket = await ticketForApproval(tx, ended.ticketId);
  if (!ticket) return [];
  const approvers = ended.outcome.kind === "expired" ? await approversOf(tx, ended.approverKind, ticket) : [];
  const people = [...(requester ? [requester] : []), ...approvers.filter((person) => person.id !== requester?.id)];
  return mailPeople(
    tx,
    ticket.id,
    `approval_${ended.outcome.kind}:${ended.eventId}`,
    people,
    (person) =>
      approvalOutcomeEmail({
        appUrl: env().APP_URL,
        reference: ticket.reference,
        title: ticket.title,
        recipientName: person.name,
        outcome: ended.outcome,
      }),
    now,
  );
}
