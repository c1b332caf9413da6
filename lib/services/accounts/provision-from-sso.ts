import { and, eq, inArray } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { userEstablishments, users } from "@/db/schema";
import { schoolsByUai } from "@/db/queries/establishments";
import { schoolUaisOf, staffFunction } from "@/db/queries/users";
import type { AuditActor } from "@/lib/domain/audit";
import { claimedUais, ssoDecision, ssoIdentity, type SsoClaimMapping, type SsoRefusal } from "@/lib/domain/sso-provisioning";
import { recordAudit } from "../audit/record-audit";
import { reviewDelegationsAfterAccountChange } from "../registers/account-reviews";

export type SsoSignIn = { ok: true; user: { id: string; tokenVersion: number } } | { ok: false; reason: SsoRefusal };

/** The schools (id by UAI) among those named. */
async function schoolIdsByUai(db: Executor, uais: readonly string[]): Promise<Map<string, string>> {
  return new Map((await schoolsByUai(db, uais)).map((row) => [row.uai, row.id]));
}

/** A function code as stored, or null when the configured one is not (yet) among the staff functions. */
async function knownFunctionCode(db: Executor, code: string | null): Promise<string | null> {
  if (!code) return null;
  return (await staffFunction(db, code))?.code ?? null;
}

/**
 * A single sign-on: opens the account at the first sign-in when the claims name a school Guichet knows,
 * moves a requester or head to the schools the claims name at every later one, and refuses a disabled
 * account or an identity without a known school (see ssoDecision). One transaction, with its audit row.
 * Accounts it opens have no password (they sign in through the IdP; an invitation can give them one).
 */
export async function provisionFromSso(
  claims: Readonly<Record<string, unknown>>,
  mapping: SsoClaimMapping,
  actorOf: (who: { id: string | null; email: string | null }) => AuditActor,
  now: Date,
): Promise<SsoSignIn> {
  const schools = await schoolIdsByUai(database(), claimedUais(claims, mapping));
  const identity = ssoIdentity(claims, mapping, new Set(schools.keys()));
  if (!identity.email) return { ok: false, reason: "adresse-manquante" };
  const email = identity.email;

  return database().transaction(async (tx): Promise<SsoSignIn> => {
    const [stored] = await tx
      .select({
        id: users.id,
        role: users.role,
        functionCode: users.functionCode,
        disabledAt: users.disabledAt,
        tokenVersion: users.tokenVersion,
        ssoSubject: users.ssoSubject,
      })
      .from(users)
      .where(eq(users.email, email))
      .for("update");
    const current = stored ? await schoolUaisOf(tx, stored.id) : [];
    const decision = ssoDecision(
      identity,
      stored ? { id: stored.id, role: stored.role, disabled: stored.disabledAt !== null, uais: current } : null,
    );
    if (decision.kind === "refuse") return { ok: false, reason: decision.reason };

    if (decision.kind === "create") {
      const functionCode = await knownFunctionCode(tx, decision.function.functionCode);
      const [created] = await tx
        .insert(users)
        .values({
          email,
          name: identity.name,
          role: decision.function.role,
          passwordHash: null,
          functionCode,
          ssoSubject: identity.subject || null,
          lastSignInAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id, tokenVersion: users.tokenVersion });
      await tx.insert(userEstablishments).values(decision.uais.map((uai) => ({ userId: created!.id, establishmentId: schools.get(uai)! })));
      const establishmentIds = decision.uais.map((uai) => schools.get(uai)!);
      await reviewDelegationsAfterAccountChange(tx, created!.id, null, { functionCode, establishmentIds, disabled: false }, now);
      await recordAudit(tx, actorOf({ id: created!.id, email }), {
        action: "account.created",
        objectType: "user",
        objectId: created!.id,
        after: {
          email,
          name: identity.name,
          role: decision.function.role,
          function: functionCode,
          establishments: decision.uais,
          source: "sso",
        },
      });
      return { ok: true, user: created! };
    }

    const account = stored!;
    const subject = identity.subject || null;
    const moved = decision.added.length > 0 || decision.removed.length > 0;
    const changed = moved || subject !== account.ssoSubject;
    await tx
      .update(users)
      .set({ lastSignInAt: now, ...(changed ? { ssoSubject: subject, updatedAt: now, updatedById: account.id } : {}) })
      .where(eq(users.id, account.id));
    if (decision.removed.length) {
      const removedIds = (await schoolIdsByUai(tx, decision.removed)).values();
      await tx
        .delete(userEstablishments)
        .where(and(eq(userEstablishments.userId, account.id), inArray(userEstablishments.establishmentId, [...removedIds])));
    }
    if (decision.added.length)
      await tx.insert(userEstablishments).values(decision.added.map((uai) => ({ userId: account.id, establishmentId: schools.get(uai)! })));
    if (moved) {
      const ids = await schoolIdsByUai(tx, [...current, ...decision.added]);
      const idsOf = (uais: string[]) => uais.flatMap((uai) => ids.get(uai) ?? []);
      const facts = (uais: string[]) => ({ functionCode: account.functionCode, establishmentIds: idsOf(uais), disabled: false });
      const kept = current.filter((uai) => !decision.removed.includes(uai));
      await reviewDelegationsAfterAccountChange(tx, account.id, facts(current), facts([...kept, ...decision.added]), now);
    }
    if (changed) {
      const after = moved ? [...current.filter((uai) => !decision.removed.includes(uai)), ...decision.added].sort() : current;
      await recordAudit(tx, actorOf({ id: account.id, email }), {
        action: "account.updated",
        objectType: "user",
        objectId: account.id,
        before: { establishments: current, ssoSubject: account.ssoSubject },
        after: { establishments: after, ssoSubject: subject, source: "sso" },
      });
    }
    return { ok: true, user: { id: account.id, tokenVersion: account.tokenVersion } };
  });
}
