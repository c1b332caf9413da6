import { eq, sql } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { userEstablishments, users } from "@/db/schema";
import { schoolsByUai } from "@/db/queries/establishments";
import { accountById, accountsByEmail, listStaffFunctions } from "@/db/queries/users";
import { storedText } from "@/i18n/text";
import {
  accountImportColumn,
  accountImportScope,
  planAccountImport,
  REQUIRED_ACCOUNT_COLUMNS,
  type AccountChange,
  type AccountImportContext,
  type AccountImportPlan,
  type PlannedAccountRow,
} from "@/lib/domain/account-import";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { foldLabel } from "@/lib/domain/ci-classes";
import type { ImportRecord } from "@/lib/domain/csv-import";
import { normalizeUai } from "@/lib/domain/uai";
import { env } from "@/lib/env";
import { afterCommit } from "../after-commit";
import { recordAudit } from "../audit/record-audit";
import { importOutcome, readImportFile, type ImportFile, type ImportOptions, type ImportOutcome } from "../csv/csv-import";
import { fail, succeed, type ServiceResult } from "../service-result";
import { issuePasswordLink } from "./password-links";
import { reviewDelegationsAfterAccountChange } from "../registers/account-reviews";
import type { AccountFacts } from "@/lib/domain/registers";

export type AccountImportRow = Omit<PlannedAccountRow, "userId"> & { userId: string | null };
export type AccountImportResult = ImportOutcome<AccountImportRow>;

/**
 * Imports accounts from a directory or ENT export. A dry run says row by row what would be created, updated,
 * left unchanged or refused and why; applying writes every accepted account in one transaction, each with its
 * audit row, and a second run of the same file finds nothing to change. Accounts are created without a
 * password, and each is mailed an invitation to choose one (its holder may also sign in by single sign-on);
 * the dry run sends nothing, and accounts that already exist are not invited again.
 * Administrators import for every school, a head for their own schools only.
 */
export async function importAccounts(
  caller: Caller,
  bytes: Uint8Array,
  options: ImportOptions,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<AccountImportResult>> {
  const scope = accountImportScope(caller);
  if (!scope) return fail({ kind: "forbidden", message: "users.errors.importForbidden" });
  const file = readImportFile(bytes, { of: accountImportColumn, required: REQUIRED_ACCOUNT_COLUMNS });
  if (!file.ok) return file;
  const { records } = file.value;

  if (options.dryRun) {
    const plan = planAccountImport(records, await importContext(database(), scope, records), options.words ?? storedText);
    return succeed(result(plan, file.value, true, new Map()));
  }
  const { plan, created, outboxIds } = await database().transaction(async (tx) => {
    // One import at a time: two files naming one new e-mail cannot both create it.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('guichet:accounts-import'))`);
    const planned = planAccountImport(records, await importContext(tx, scope, records), options.words ?? storedText);
    return { plan: planned, ...(await applyPlan(tx, planned, now, actor, caller)) };
  });
  await afterCommit({ outboxIds });
  return succeed(result(plan, file.value, false, created));
}

function result(plan: AccountImportPlan, file: ImportFile, dryRun: boolean, created: ReadonlyMap<string, string>): AccountImportResult {
  return importOutcome(
    plan,
    file,
    dryRun,
    plan.rows.map((row) => ({ ...row, userId: row.userId ?? created.get(row.email) ?? null })),
  );
}

/** What the planner needs from the database: the schools the file names (and whether the caller manages them), the accounts its e-mails designate, the functions. */
async function importContext(db: Executor, scope: "all" | readonly string[], records: ImportRecord[]): Promise<AccountImportContext> {
  const inScope = (establishmentId: string) => scope === "all" || scope.includes(establishmentId);
  const uais = [...new Set(records.map((record) => normalizeUai(record.values.uai ?? "")).filter(Boolean))];
  const emails = [
    ...new Set(records.map((record) => record.values.email?.trim().toLowerCase()).filter((email): email is string => Boolean(email))),
  ];
  // One after the other: inside the import's transaction they share one connection.
  const schoolRows = await schoolsByUai(db, uais);
  const accountRows = await accountsByEmail(db, emails);
  const functionRows = await listStaffFunctions(db);
  const codes = new Set(functionRows.map((row) => row.code));
  return {
    schools: new Map(schoolRows.map((school) => [school.uai, { ...school, writable: inScope(school.id) }])),
    accounts: new Map(
      accountRows.map((account) => {
        const schools = account.schools;
        return [
          account.email,
          {
            id: account.id,
            email: account.email,
            name: account.name,
            role: account.role,
            functionCode: account.functionCode,
            disabled: account.disabledAt !== null,
            uais: schools.map((school) => school.uai),
            manageable: schools.every((school) => inScope(school.id)),
          },
        ];
      }),
    ),
    // A configured function the Région has not (yet) recorded opens the account without a function.
    functionMap: Object.fromEntries(
      Object.entries(env().OIDC_FUNCTION_MAP).map(([value, fn]) => [
        value,
        { ...fn, functionCode: fn.functionCode && codes.has(fn.functionCode) ? fn.functionCode : null },
      ]),
    ),
    functions: new Map(
      functionRows.flatMap(
        (row) =>
          [
            [foldLabel(row.code), row.code],
            [foldLabel(row.label), row.code],
          ] as const,
      ),
    ),
  };
}

const changeValues = (changes: AccountChange[], side: "from" | "to") =>
  Object.fromEntries(changes.map((change) => [change.field, change[side]]));

/**
 * Writes the accepted accounts, each with its audit row, and an invitation for each created one (as an admin's
 * creation does); returns the ids of the created accounts by e-mail and the invitations' outbox ids.
 */
async function applyPlan(
  tx: Executor,
  plan: AccountImportPlan,
  now: Date,
  actor: AuditActor,
  caller: Caller,
): Promise<{ created: Map<string, string>; outboxIds: string[] }> {
  const created = new Map<string, string>();
  const outboxIds: string[] = [];
  if (!plan.accounts.length) return { created, outboxIds };
  const schools = new Map(
    (await schoolsByUai(tx, [...new Set(plan.accounts.flatMap((account) => account.uais))])).map((school) => [school.uai, school.id]),
  );
  for (const account of plan.accounts) {
    let userId = account.userId;
    const stored = userId ? await accountById(tx, userId) : null;
    const before: AccountFacts = stored && {
      functionCode: stored.functionCode,
      establishmentIds: stored.establishments.map((school) => school.id),
      disabled: stored.disabledAt !== null,
    };
    if (!userId) {
      const [inserted] = await tx
        .insert(users)
        .values({
          email: account.email,
          name: account.name,
          role: account.role,
          functionCode: account.functionCode,
          passwordHash: null,
          createdAt: now,
          updatedAt: now,
          updatedById: caller.id,
        })
        .returning({ id: users.id });
      userId = inserted!.id;
      created.set(account.email, userId);
      const invitation = await issuePasswordLink(
        tx,
        { id: userId, email: account.email, name: account.name },
        { purpose: "invitation", invitedBy: caller.name },
        now,
      );
      outboxIds.push(invitation.outboxId);
    } else {
      await tx
        .update(users)
        .set({ name: account.name, role: account.role, functionCode: account.functionCode, updatedAt: now, updatedById: caller.id })
        .where(eq(users.id, userId));
    }
    if (account.uais.length)
      await tx.insert(userEstablishments).values(account.uais.map((uai) => ({ userId: userId!, establishmentId: schools.get(uai)! })));
    const gained = account.uais.map((uai) => schools.get(uai)!);
    await reviewDelegationsAfterAccountChange(
      tx,
      userId,
      before,
      {
        functionCode: account.functionCode,
        establishmentIds: [...(before?.establishmentIds ?? []), ...gained],
        disabled: before?.disabled ?? false,
      },
      now,
    );
    await recordAudit(
      tx,
      actor,
      account.userId
        ? {
            action: "account.updated",
            objectType: "user",
            objectId: userId,
            before: changeValues(account.changes, "from"),
            after: { ...changeValues(account.changes, "to"), source: "import" },
          }
        : {
            action: "account.created",
            objectType: "user",
            objectId: userId,
            after: { email: account.email, ...changeValues(account.changes, "to"), source: "import" },
          },
    );
  }
  return { created, outboxIds };
}
