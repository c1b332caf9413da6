import { randomUUID } from "node:crypto";
import { database, type Executor } from "@/db/client";
import { callContact } from "@/db/queries/phone-contacts";
import { campaignDates } from "@/db/queries/campaigns";
import { schoolForFiling } from "@/db/queries/establishments";
import { insertTogether } from "@/db/queries/insert-together";
import { numberFiling } from "@/db/queries/ticket-reference";
import { approvalSchool, approverFacts } from "@/db/queries/approvals";
import { ticketApprovals, ticketCis, ticketEvents, tickets } from "@/db/schema";
import { approverKindsOf, levelsAtFiling } from "@/lib/domain/approvals";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import type { TicketChannel } from "@/lib/domain/vocabulary";
import { filingFlags, filingRefusal } from "@/lib/domain/filing-rules";
import { canFileTicketFor } from "@/lib/domain/permissions";
import { canTakeCallFor, isContactOf } from "@/lib/domain/phone-calls";
import { raiseImpact } from "@/lib/domain/ci-impact";
import { criticalPeriodPriority } from "@/lib/domain/critical-periods";
import { priorityOf } from "@/lib/domain/priority";
import { categoryAnswersSchema } from "@/lib/schemas/category-fields";
import { fieldErrors } from "@/lib/schemas/field-errors";
import type { CreateTicketInput } from "@/lib/schemas/tickets";
import { attachmentsInsert, discardStoredFiles, inspectAttachments, storeFiles, type IncomingFile } from "./attachments";
import { afterCommit } from "../after-commit";
import { recordAudit } from "../audit/record-audit";
import { tellApprovers } from "../approvals/tell-approvers";
import { fail, succeed, type ServiceResult } from "../service-result";
import { schoolEquipment } from "../cmdb/school-equipment";
import { recordIdempotencyKey, type IdempotencyClaim } from "../idempotency/idempotency-keys";
import { referenceCategory, referenceData } from "../routing/reference-cache";
import { filedRoutingEntry, filedRoutingWrites, planFiling, readFilingNews } from "./route-filed-ticket";
import { recordRegisterEntry } from "../registers/record-from-approval";

/**
 * Where a filing comes from: its channel (a filing for a contact, `input.requesterId`, is a phone call unless said
 * otherwise) and the API's idempotency claim; mail in adds flags ("a_qualifier") and records the message it read in
 * the ticket's own transaction (`alsoInTransaction`).
 */
export type FilingOrigin = {
  idempotency?: IdempotencyClaim;
  channel?: TicketChannel;
  flags?: readonly string[];
  alsoInTransaction?: (tx: Executor, filed: { ticketId: string; eventId: number }) => Promise<void>;
};

/**
 * Who the ticket is for, after the one authorization check of a filing: the caller themself (school staff for their
 * schools, staff for any school), or a named contact of the school, filed by staff who work that school's tickets.
 */
async function requesterOf(
  db: Executor,
  caller: Caller,
  school: { id: string; zoneId: string },
  onBehalfOf: string | undefined,
): Promise<ServiceResult<{ id: string; takenBy: { id: string; name: string } | null }>> {
  if (!onBehalfOf) {
    if (!canFileTicketFor(caller, school.id)) return fail({ kind: "forbidden", message: "tickets.errors.fileForbidden" });
    return succeed({ id: caller.id, takenBy: null });
  }
  if (!canTakeCallFor(caller, school)) return fail({ kind: "forbidden", message: "desk.calls.errors.forbidden" });
  const contact = await callContact(db, onBehalfOf);
  if (!contact || !isContactOf(contact, school.id))
    return fail({
      kind: "unprocessable",
      message: "desk.calls.errors.notAContact",
      errors: [{ field: "requesterId", message: "desk.calls.errors.notAContact" }],
    });
  return succeed({ id: contact.id, takenBy: { id: caller.id, name: caller.name } });
}

/** The journal entry of an approval level the filer signs by filing it (their signature, as any approval). */
function signatureEntry(caller: Caller, level: { level: number; approverKind: string }, functionLabel: string | null) {
  return {
    kind: "approval",
    visibility: "public",
    authorId: caller.id,
    body: null,
    data: {
      decision: "approved",
      level: level.level,
      approverKind: level.approverKind,
      by: { id: caller.id, name: caller.name },
      function: functionLabel,
    },
  } as const;
}

/**
 * Files a ticket: checks who may file for the school (and for whom: `input.requesterId`, a contact of the school), that the category exists and is open to it,
 * its own fields, the equipment and the attachments; then writes the ticket, its links, its first
 * journal entry, its files and its e-mail in one transaction, and enqueues the e-mail after commit.
 * Under an idempotency claim, the key is recorded in that transaction (a racing retry rolls it back).
 * A category that asks for approval files the ticket in `awaiting_approval`, unrouted and without SLA, and tells
 * the first level's approvers; the levels the filer approves themself are signed as it is filed.
 */
export async function createTicket(
  caller: Caller,
  input: CreateTicketInput,
  attachments: IncomingFile[],
  now: Date,
  /** Who files and from where, for the audit row of the levels the filer approves by filing (their signature). */
  actor: AuditActor = { userId: caller.id, label: caller.email, ip: null, requestId: null },
  { idempotency, channel = input.requesterId ? "phone" : "portal", flags = [], alsoInTransaction }: FilingOrigin = {},
): Promise<ServiceResult<{ reference: string }>> {
  const db = database();
  const establishment = await schoolForFiling(db, input.establishmentUai);
  if (!establishment)
    return fail({
      kind: "unprocessable",
      message: "forms.errors.noSchoolWithUai",
      values: { uai: input.establishmentUai },
      errors: [{ field: "establishmentUai", message: "forms.errors.unknownUai" }],
    });
  const requester = await requesterOf(db, caller, establishment, input.requesterId);
  if (!requester.ok) return requester;
  const { id: requesterId, takenBy } = requester.value;

  // The catalogue, the critical periods and the routing's rules and teams: one version of the process's cache.
  const cached = await referenceData();
  const found = referenceCategory(cached, input.serviceCode, input.categoryCode);
  if (!found) {
    return fail({
      kind: "unprocessable",
      message: "tickets.errors.noSuchCategory",
      values: { service: input.serviceCode, category: input.categoryCode },
      errors: [{ field: "categoryCode", message: "tickets.errors.unknownCategory" }],
    });
  }
  const { category } = found;
  if (category.type !== input.type) {
    return fail({
      kind: "unprocessable",
      message: "tickets.errors.categoryType",
      values: { category: category.code, type: category.type },
      errors: [{ field: "type", message: "tickets.errors.typeExpected", values: { type: category.type } }],
    });
  }
  const refusal = filingRefusal(
    category,
    establishment.supportMode,
    now,
    category.code === "EQUIP-DOTATION" ? await campaignDates(db) : [],
  );
  if (refusal)
    return fail({
      kind: "unprocessable",
      message: refusal.message,
      values: refusal.values,
      errors: [{ field: "categoryCode", message: refusal.message, values: refusal.values }],
    });

  const answers = categoryAnswersSchema(category.fields).safeParse(input.fields);
  if (!answers.success)
    return fail({ kind: "invalid", message: "tickets.errors.categoryFieldsInvalid", errors: fieldErrors(answers.error, "fields") });

  const equipment = await schoolEquipment(db, establishment.id, input.ciIds);
  if (!equipment.ok) return equipment;
  const ciIds = equipment.value.map((ci) => ci.id);
  // Critical equipment (core switch, server…) raises the impact to its floor: lib/domain/ci-impact.ts.
  const impact = raiseImpact(
    input.impact,
    equipment.value.map((ci) => ci.criticality),
  );
  // During an exam period covering the school, an incident gets the period's floor (lib/domain/critical-periods.ts);
  // the routing rule's floor may raise it further. It keeps, of every cached period, those on at `now`'s Paris date.
  const critical = criticalPeriodPriority(
    cached.criticalPeriods,
    { type: input.type, establishmentId: establishment.id, priority: priorityOf(impact, input.urgency) },
    now,
  );

  const inspected = await inspectAttachments(attachments);
  if (!inspected.ok) {
    return fail({
      kind: "invalid",
      message: "tickets.errors.attachmentRefused",
      errors: inspected.problems.map((problem) => ({ field: "attachments", message: problem.message, values: problem.values })),
    });
  }

  // Filing for a contact signs nothing: only the filer's own levels are signed as it is filed.
  const filer = category.approvalLevels.length && !takenBy ? await approverFacts(db, caller.id) : null;
  const school = filer ? await approvalSchool(db, establishment.id) : null;
  const approval = levelsAtFiling(category.approvalLevels, filer && school ? approverKindsOf(filer, school) : [], now);

  const pending = approval.levels.find((level) => level.state === "pending");
  const ticketId = randomUUID();
  // A ticket that waits for no approval is routed and gets its SLA as it is filed: worked out here, from reads
  // only, so its row is written once and its transaction only writes.
  const plan = pending
    ? null
    : await planFiling(
        db,
        {
          id: ticketId,
          type: input.type,
          categoryId: category.id,
          establishmentId: establishment.id,
          ciIds,
          priority: critical.priority,
          requesterId,
          hardware: category.hardware,
          supportMode: establishment.supportMode,
          category: { code: category.code, schoolTask: category.schoolTask, serviceCode: found.serviceCode },
          school: establishment.routing,
          referents: establishment.referents,
          declaredRooms: establishment.declaredRooms,
        },
        cached,
        now,
      );

  // The requester's words, as the call taker wrote them down; the entry says how it came in and who took it.
  const created = {
    kind: "created",
    visibility: "public",
    authorId: requesterId,
    body: input.description,
    data: {
      ...(impact !== input.impact ? { impactRaised: { from: input.impact, to: impact } } : {}),
      ...(channel !== "portal" ? { channel } : {}),
      ...(takenBy ? { takenBy } : {}),
    },
  } as const;
  // Its news is read now too: the transaction then only writes.
  const news = plan
    ? await readFilingNews(
        db,
        {
          id: ticketId,
          title: input.title,
          takenById: takenBy?.id ?? null,
          establishmentId: establishment.id,
          criticalPeriodId: critical.period?.id ?? null,
          school: establishment.name,
          requesterId,
          requester: requesterId === caller.id ? { id: caller.id, email: caller.email, name: caller.name, disabledAt: null } : undefined,
          created,
        },
        plan,
        now,
      )
    : null;

  const stored = await storeFiles(inspected.files, now);
  try {
    // The journal, in its order: the requester's words, the levels the filer signs by filing, then the routing.
    const signed = approval.levels.filter((level) => level.state === "approved");
    const journal = [
      created,
      ...signed.map((level) => signatureEntry(caller, level, filer?.functionLabel ?? null)),
      ...(plan && news ? [filedRoutingEntry(plan)] : []),
    ];
    // Numbered on its own (one statement, committed at once), not with the filing's writes: the year's counter row
    // is locked only for that statement, so filings do not queue behind each other's writes. A filing that fails
    // from here on leaves its number unused: references are unique and increasing, with gaps, as a sequence's are.
    // Its journal's ids are taken with it, so what refers to them is written in the same statement as they are.
    const { reference, eventIds } = await numberFiling(db, now, journal.length);
    const createdEventId = eventIds[0]!;
    const told =
      plan && news
        ? filedRoutingWrites(db, { id: ticketId, reference, createdEventId, routingEventId: eventIds.at(-1)! }, plan, news, now)
        : null;
    // The ticket and everything of it known before its transaction, as one statement (only the INSERTs' SQL is
    // taken: `write` runs it on the pool or in the transaction); it returns its outbox rows' ids.
    const inserts = [
      db.insert(tickets).values({
        id: ticketId,
        reference,
        type: input.type,
        status: approval.approved ? "new" : "awaiting_approval",
        priority: critical.priority,
        ...(plan ? { ...plan.routing.set, ...plan.sla.set } : {}),
        criticalPeriodId: critical.period?.id ?? null,
        impact,
        urgency: input.urgency,
        title: input.title,
        description: input.description,
        fields: answers.data,
        flags: [...filingFlags(category, ciIds.length), ...flags],
        establishmentId: establishment.id,
        requesterId,
        serviceId: found.serviceId,
        categoryId: category.id,
        channel,
        takenById: takenBy?.id ?? null,
        createdAt: now,
        updatedAt: now,
      }),
      ...(ciIds.length ? [db.insert(ticketCis).values(ciIds.map((ciId) => ({ ticketId, ciId })))] : []),
      db.insert(ticketEvents).values(journal.map((entry, index) => ({ id: eventIds[index]!, ticketId, ...entry, createdAt: now }))),
      attachmentsInsert(db, { ticketId, eventId: createdEventId, uploadedById: caller.id, files: stored }),
      ...(approval.levels.length
        ? [
            db.insert(ticketApprovals).values(
              approval.levels.map((level) => ({
                ticketId,
                ...level,
                ...(level.state === "approved" ? { decidedById: caller.id, decidedFunction: filer?.functionLabel ?? null } : {}),
              })),
            ),
          ]
        : []),
      ...(told?.inserts ?? []),
    ];
    const write = async (tx: Executor) => (await insertTogether<{ id: string }>(tx, inserts, told?.outbox)).map((row) => row.id);
    // A filing with nothing to check or read inside its transaction is that one statement, atomic on its own.
    const outboxIds =
      idempotency || alsoInTransaction || approval.levels.length
        ? await db.transaction(async (tx) => {
            if (idempotency) await recordIdempotencyKey(tx, idempotency, { reference }, now);
            const outboxIds = await write(tx);
            if (alsoInTransaction) await alsoInTransaction(tx, { ticketId, eventId: createdEventId });
            for (const level of signed)
              await recordAudit(tx, actor, {
                action: "ticket.approved",
                objectType: "ticket",
                objectId: ticketId,
                after: { level: level.level, approverKind: level.approverKind, decision: "approved", atFiling: true },
              });
            if (pending)
              return tellApprovers(
                tx,
                { ticketId, level: pending.level, approverKind: pending.approverKind, eventId: createdEventId, actorId: caller.id },
                now,
              );
            // Signed as it was filed: an exception or a delegation enters the register at once.
            if (approval.levels.length) await recordRegisterEntry(tx, { ticketId, approvedById: caller.id, approvedAt: now });
            return outboxIds;
          })
        : await write(db);
    await afterCommit({ outboxIds, slaSchedules: plan ? [plan.sla.schedule] : [] });
    return succeed({ reference });
  } catch (error) {
    await discardStoredFiles(stored);
    throw error;
  }
}
