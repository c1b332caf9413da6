import { database } from "@/db/client";
import { establishmentByUai } from "@/db/queries/establishments";
import { callContact } from "@/db/queries/phone-contacts";
import { accountByEmail } from "@/db/queries/users";
import { userEstablishments, users } from "@/db/schema";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { canTakeCallFor, isContactOf } from "@/lib/domain/phone-calls";
import type { NewCallContactInput } from "@/lib/schemas/phone-calls";
import { issuePasswordLink } from "../accounts/password-links";
import { afterCommit } from "../after-commit";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceResult } from "../service-result";

/**
 * "Nouvel appel" from someone the school's contacts do not list: opens their account as school staff (role requester,
 * attached to the school, with their phone), without a password, and mails them the usual 72-hour invitation, so they
 * can follow the ticket filed for them as any requester. An address already known as a contact of that school gives
 * back that contact; known elsewhere, it is refused (the desk picks the right person, it never moves an account).
 */
export async function createCallContact(
  caller: Caller,
  input: NewCallContactInput,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ id: string; created: boolean }>> {
  const db = database();
  const school = await establishmentByUai(db, input.establishmentUai);
  if (!school)
    return fail({
      kind: "unprocessable",
      message: "forms.errors.noSchoolWithUai",
      values: { uai: input.establishmentUai },
      errors: [{ field: "establishmentUai", message: "forms.errors.unknownUai" }],
    });
  if (!canTakeCallFor(caller, school)) return fail({ kind: "forbidden", message: "desk.calls.errors.forbidden" });

  const result = await db.transaction(async (tx) => {
    const existing = await accountByEmail(tx, input.email);
    if (existing) {
      const contact = await callContact(tx, existing.id);
      if (contact && isContactOf(contact, school.id)) return succeed({ id: contact.id, created: false, outboxId: null });
      return fail<never>({
        kind: "invalid",
        message: "desk.calls.errors.emailElsewhere",
        errors: [{ field: "email", message: "desk.calls.errors.emailElsewhere" }],
      });
    }
    const [created] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        phone: input.phone,
        role: "requester",
        createdAt: now,
        updatedAt: now,
        updatedById: caller.id,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!created)
      return fail<never>({
        kind: "invalid",
        message: "desk.calls.errors.emailElsewhere",
        errors: [{ field: "email", message: "desk.calls.errors.emailElsewhere" }],
      });
    await tx.insert(userEstablishments).values({ userId: created.id, establishmentId: school.id });
    await recordAudit(tx, actor, {
      action: "account.created",
      objectType: "user",
      objectId: created.id,
      after: { email: input.email, name: input.name, phone: input.phone, role: "requester", establishments: [school.uai], via: "phone" },
    });
    const link = await issuePasswordLink(
      tx,
      { id: created.id, email: input.email, name: input.name },
      { purpose: "invitation", invitedBy: caller.name },
      now,
    );
    return succeed({ id: created.id, created: true, outboxId: link.outboxId as string | null });
  });
  if (!result.ok) return result;
  if (result.value.outboxId) await afterCommit({ outboxIds: [result.value.outboxId] });
  return succeed({ id: result.value.id, created: result.value.created });
}
