import { randomUUID } from "node:crypto";
import { and, desc, eq, like } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { database } from "@/db/client";
import { auditEvents, outboxEmails, users } from "@/db/schema";
import { verifyPassword } from "@/lib/services/accounts/password-hash";
import { loadCaller } from "@/lib/services/accounts/load-caller";
import { createAccount } from "@/lib/services/accounts/create-account";
import { changeOwnPassword } from "@/lib/services/accounts/own-account";
import { readPasswordLink, setPasswordWithLink } from "@/lib/services/accounts/password-links";
import { requestPasswordReset } from "@/lib/services/accounts/request-password-reset";
import { SYSTEM_ACTOR } from "@/lib/services/audit/audit-actor";

const HOUR = 60 * 60 * 1000;
const GOOD = "un cheval bleu sur le toit";
const admin = { id: null, name: "L'administratrice", role: "admin" as const, establishmentIds: [] };
const system = () => SYSTEM_ACTOR;

async function invite(now = new Date()) {
  const email = `invite.${randomUUID().slice(0, 8)}@guichet.test`;
  const created = await createAccount(admin, { email, name: "Inès Invitée", role: "technician", teams: ["PROX-EST"] }, now, SYSTEM_ACTOR);
  if (!created.ok) throw new Error(JSON.stringify(created.failure));
  return { email, ...created.value };
}

const mailsTo = (email: string) =>
  database()
    .select({ subject: outboxEmails.subject, text: outboxEmails.textBody })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.toAddress, email), like(outboxEmails.textBody, "%/mot-de-passe/%")))
    .orderBy(desc(outboxEmails.createdAt));

const hashOf = async (email: string) =>
  (await database().select({ hash: users.passwordHash }).from(users).where(eq(users.email, email)))[0]!.hash;

describe("invitation links", () => {
  test("the invitation e-mail carries the link, which works 72 hours and only once", async () => {
    const now = new Date();
    const { email, invitationToken } = await invite(now);
    const [mail] = await mailsTo(email);
    expect(mail?.subject).toBe("Votre compte Guichet est ouvert");
    expect(mail?.text).toContain(`/mot-de-passe/${invitationToken}`);
    expect(mail?.text).toContain("72 heures");

    expect(await readPasswordLink(invitationToken, new Date(now.getTime() + 71 * HOUR))).toEqual({
      purpose: "invitation",
      email,
      name: "Inès Invitée",
    });
    expect(await readPasswordLink(invitationToken, new Date(now.getTime() + 72 * HOUR))).toBeNull();
    expect(await setPasswordWithLink({ token: invitationToken, password: GOOD }, new Date(now.getTime() + 73 * HOUR), system)).toEqual({
      ok: false,
      failure: { kind: "not_found" },
    });
    expect(await hashOf(email)).toBeNull();

    expect(await setPasswordWithLink({ token: invitationToken, password: GOOD }, new Date(now.getTime() + HOUR), system)).toMatchObject({
      ok: true,
    });
    expect(await verifyPassword(await hashOf(email), GOOD)).toBe(true);
    expect(
      await setPasswordWithLink({ token: invitationToken, password: "un autre cheval bleu" }, new Date(now.getTime() + HOUR), system),
    ).toEqual({ ok: false, failure: { kind: "not_found" } });
    expect(await readPasswordLink(invitationToken, new Date(now.getTime() + HOUR))).toBeNull();
  });

  test("a refused password leaves the link usable; a forged token is unknown", async () => {
    const { email, invitationToken } = await invite();
    expect(await setPasswordWithLink({ token: invitationToken, password: "court" }, new Date(), system)).toMatchObject({
      ok: false,
      failure: { kind: "invalid", errors: [{ field: "password" }] },
    });
    expect(await setPasswordWithLink({ token: invitationToken, password: "azerty123456" }, new Date(), system)).toMatchObject({
      ok: false,
      failure: { kind: "invalid", message: "account.errors.passwordTooCommon" },
    });
    expect(await hashOf(email)).toBeNull();
    expect(await readPasswordLink(invitationToken, new Date())).not.toBeNull();
    expect(await readPasswordLink(`${invitationToken}x`, new Date())).toBeNull();
  });

  test("a disabled account's link no longer works", async () => {
    const { email, invitationToken } = await invite();
    await database().update(users).set({ disabledAt: new Date() }).where(eq(users.email, email));
    expect(await readPasswordLink(invitationToken, new Date())).toBeNull();
  });
});

describe("Mot de passe oublié", () => {
  const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

  test("mails a one-hour link to a known address; the answer is the same for an unknown one", async () => {
    const { email, invitationToken } = await invite();
    const from = ip();
    expect(await requestPasswordReset({ email: email.toUpperCase(), ip: from }, new Date())).toBe("sent_if_known");
    expect(await requestPasswordReset({ email: `inconnu.${randomUUID()}@guichet.test`, ip: from }, new Date())).toBe("sent_if_known");
    const [mail] = await mailsTo(email);
    expect(mail?.subject).toBe("Réinitialisation de votre mot de passe Guichet");
    const token = /\/mot-de-passe\/([\w-]+)/.exec(mail!.text)![1]!;
    // The newest link replaces the invitation.
    expect(await readPasswordLink(invitationToken, new Date())).toBeNull();
    const now = new Date();
    expect(await readPasswordLink(token, new Date(now.getTime() + 59 * 60 * 1000))).toMatchObject({ purpose: "reset" });
    expect(await readPasswordLink(token, new Date(now.getTime() + 61 * 60 * 1000))).toBeNull();
  });

  test("three requests an hour per address, whether or not it has an account", async () => {
    for (const email of [(await invite()).email, `inconnu.${randomUUID()}@guichet.test`]) {
      const outcomes = [];
      for (let attempt = 0; attempt < 4; attempt++) outcomes.push(await requestPasswordReset({ email, ip: ip() }, new Date()));
      expect(outcomes).toEqual(["sent_if_known", "sent_if_known", "sent_if_known", "throttled"]);
    }
  });

  test("twenty requests an hour from one client address", async () => {
    const from = ip();
    const outcomes = [];
    for (let attempt = 0; attempt < 21; attempt++)
      outcomes.push(await requestPasswordReset({ email: `x${attempt}.${randomUUID()}@guichet.test`, ip: from }, new Date()));
    expect(outcomes.filter((outcome) => outcome === "throttled")).toHaveLength(1);
    expect(outcomes.at(-1)).toBe("throttled");
  });
});

describe("Mon compte: changing one's password", () => {
  test("asks the current password, applies the policy, ends other sessions and records it", async () => {
    const { email, id, invitationToken } = await invite();
    await setPasswordWithLink({ token: invitationToken, password: GOOD }, new Date(), system);
    const caller = (await loadCaller(id))!;
    const [before] = await database().select({ version: users.tokenVersion }).from(users).where(eq(users.id, id));
    expect(
      await changeOwnPassword(
        caller,
        { current: "pas le bon mot de passe", password: "une nouvelle phrase longue" },
        new Date(),
        SYSTEM_ACTOR,
      ),
    ).toMatchObject({ ok: false, failure: { errors: [{ field: "current" }] } });
    expect(await changeOwnPassword(caller, { current: GOOD, password: email }, new Date(), SYSTEM_ACTOR)).toMatchObject({
      ok: false,
      failure: { errors: [{ field: "password" }] },
    });
    const changed = await changeOwnPassword(caller, { current: GOOD, password: "une nouvelle phrase longue" }, new Date(), SYSTEM_ACTOR);
    expect(changed).toEqual({ ok: true, value: { tokenVersion: before!.version + 1 } });
    expect(await verifyPassword(await hashOf(email), "une nouvelle phrase longue")).toBe(true);
    const actions = (
      await database()
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(and(eq(auditEvents.objectType, "user"), eq(auditEvents.objectId, id)))
        .orderBy(auditEvents.id)
    ).map((row) => row.action);
    expect(actions).toEqual(["account.created", "account.password_set", "account.password_changed"]);
  });
});
