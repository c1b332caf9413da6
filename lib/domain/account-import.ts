import type { Translate } from "@/i18n/text";
import type { Caller } from "./caller";
import { foldLabel } from "./ci-classes";
import { columnReader, importCounts, type ImportAction, type ImportCounts, type ImportRecord } from "./csv-import";
import { DEFAULT_SSO_FUNCTION, type SsoFunction, type SsoRole } from "./sso-provisioning";
import { normalizeUai, uaiProblem } from "./uai";
import type { Role } from "./vocabulary";

/**
 * The import of accounts from a directory or ENT export (e-mail, nom, prénom, UAI, fonction), decided row
 * by row before anything is written. A person is one e-mail: several rows (one per school) give one account
 * with those schools. A new e-mail opens an account without a password; a known one gains the schools it
 * lacks and takes the file's name and function. The function reads through the single sign-on's table
 * (a directory's `DIR` → head), else as a Guichet function (code or label) of a requester; nothing else is
 * asked of it. Pure: the service hands it the rows and what the database holds.
 */

export const ACCOUNT_IMPORT_COLUMNS = ["email", "last_name", "first_name", "uai", "function"] as const;
export const REQUIRED_ACCOUNT_COLUMNS = ["email", "uai"] as const;

const HEADER_ALIASES: Record<string, string> = {
  mail: "email",
  courriel: "email",
  adressemail: "email",
  adresseemail: "email",
  adressee: "email",
  adressedemessagerie: "email",
  nom: "last_name",
  nomdefamille: "last_name",
  nomdusage: "last_name",
  sn: "last_name",
  prenom: "first_name",
  givenname: "first_name",
  rne: "uai",
  codeuai: "uai",
  etablissement: "uai",
  etablissementuai: "uai",
  establishmentuai: "uai",
  fonction: "function",
  fonctions: "function",
  fct: "function",
  role: "function",
};

export const accountImportColumn = columnReader(ACCOUNT_IMPORT_COLUMNS, HEADER_ALIASES);

/** Who may import accounts, and for which schools: administrators for all, a head for their own schools, nobody else. */
export function accountImportScope(caller: Caller): "all" | readonly string[] | null {
  if (caller.role === "admin") return "all";
  if (caller.role === "manager" && caller.establishmentIds.length) return caller.establishmentIds;
  return null;
}

export type ImportableSchool = { id: string; uai: string; writable: boolean };
export type ExistingAccount = {
  id: string;
  email: string;
  name: string;
  role: Role;
  functionCode: string | null;
  disabled: boolean;
  uais: readonly string[];
  manageable: boolean;
};

export type AccountImportContext = {
  schools: ReadonlyMap<string, ImportableSchool>;
  /** The accounts the file's e-mails designate, by e-mail (lower-case). */
  accounts: ReadonlyMap<string, ExistingAccount>;
  /** The single sign-on's table: directory function values → role and function. */
  functionMap: Readonly<Record<string, SsoFunction>>;
  /** Guichet's functions: folded code and folded label → code. */
  functions: ReadonlyMap<string, string>;
};

export type AccountChange = { field: "name" | "role" | "function" | "establishments"; from: unknown; to: unknown };

export type PlannedAccountRow = {
  line: number;
  email: string;
  uai: string;
  action: ImportAction;
  reasons: string[];
  /** The account the row matched (update, unchanged). */
  userId?: string;
  changes: AccountChange[];
};

/** One account to create or update: the rows of one e-mail put together. */
export type PlannedAccount = {
  email: string;
  lines: number[];
  userId: string | null;
  name: string;
  role: SsoRole;
  functionCode: string | null;
  /** Every school the account has after the import (creation) or the ones it gains (update). */
  uais: string[];
  changes: AccountChange[];
};

export type AccountImportPlan = ImportCounts & { rows: PlannedAccountRow[]; accounts: PlannedAccount[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ROLE_RANK: Record<SsoRole, number> = { requester: 0, manager: 1 };

type Parsed = { line: number; email: string; uai: string; name: string; function: SsoFunction | null; reasons: string[] };

function parseRow(record: ImportRecord, context: AccountImportContext, t: Translate): Parsed {
  const cell = (column: string) => record.values[column]?.trim() ?? "";
  const reasons: string[] = [];
  const rawEmail = cell("email");
  const email = rawEmail.toLowerCase();
  if (!rawEmail) reasons.push(t("emailMissing"));
  else if (!EMAIL.test(email) || email.length > 254) reasons.push(t("emailInvalid", { email: rawEmail }));

  const rawUai = cell("uai");
  const uai = normalizeUai(rawUai);
  const school = context.schools.get(uai);
  if (!rawUai) reasons.push(t("uaiMissing"));
  else if (uaiProblem(uai)) reasons.push(t("uaiInvalid", { uai: rawUai }));
  else if (!school) reasons.push(t("uaiUnknown", { uai }));
  else if (!school.writable) reasons.push(t("uaiNotManaged", { uai }));

  const name = [cell("first_name"), cell("last_name")].filter(Boolean).join(" ");
  if (name.length > 200) reasons.push(t("nameTooLong"));

  const rawFunction = cell("function");
  const fromDirectory = rawFunction ? (context.functionMap[rawFunction] ?? context.functionMap[rawFunction.toUpperCase()]) : undefined;
  const guichetFunction = rawFunction ? context.functions.get(foldLabel(rawFunction)) : undefined;
  const fn = !rawFunction
    ? null
    : (fromDirectory ?? (guichetFunction ? { role: "requester" as const, functionCode: guichetFunction } : DEFAULT_SSO_FUNCTION));
  return { line: record.line, email, uai, name, function: fn, reasons };
}

/** The changes a known account takes: its missing schools, and the name and function the file gives. */
function accountChanges(
  account: ExistingAccount,
  name: string,
  fn: SsoFunction | null,
  uais: readonly string[],
): { changes: AccountChange[]; gained: string[] } {
  const changes: AccountChange[] = [];
  if (name && name !== account.name) changes.push({ field: "name", from: account.name, to: name });
  if (fn && fn.role !== account.role) changes.push({ field: "role", from: account.role, to: fn.role });
  if (fn && fn.functionCode !== account.functionCode) changes.push({ field: "function", from: account.functionCode, to: fn.functionCode });
  const gained = uais.filter((uai) => !account.uais.includes(uai));
  if (gained.length)
    changes.push({ field: "establishments", from: [...account.uais].sort(), to: [...new Set([...account.uais, ...gained])].sort() });
  return { changes, gained };
}

/** The import of `records`; the refused rows' reasons are worded by `words` (messages users.importReasons.*). */
export function planAccountImport(records: readonly ImportRecord[], context: AccountImportContext, words: Translate): AccountImportPlan {
  const t: Translate = (key, values) => words(`users.importReasons.${key}`, values);
  const parsed = records.map((record) => parseRow(record, context, t));

  // The rows of one e-mail make one account: they must agree on the name, and a school appears once.
  const byEmail = new Map<string, Parsed[]>();
  for (const row of parsed) if (row.email) byEmail.set(row.email, [...(byEmail.get(row.email) ?? []), row]);
  for (const rows of byEmail.values()) {
    const names = new Set(rows.map((row) => row.name).filter(Boolean));
    if (names.size > 1)
      for (const row of rows) row.reasons.push(t("namesDiffer", { email: row.email, lines: rows.map((other) => other.line).join(", ") }));
    const seen = new Map<string, number>();
    for (const row of rows) {
      const first = seen.get(row.uai);
      if (first !== undefined) row.reasons.push(t("duplicateSchool", { email: row.email, uai: row.uai, line: first }));
      else seen.set(row.uai, row.line);
    }
  }

  const rows: PlannedAccountRow[] = [];
  const accounts: PlannedAccount[] = [];
  for (const [email, group] of byEmail) {
    const refused = group.some((row) => row.reasons.length);
    const account = context.accounts.get(email);
    const name = group.find((row) => row.name)?.name ?? "";
    const functions = group.map((row) => row.function).filter((fn): fn is SsoFunction => fn !== null);
    const fn = functions.reduce<SsoFunction | null>(
      (best, next) => (!best || ROLE_RANK[next.role] > ROLE_RANK[best.role] ? next : best),
      null,
    );
    const uais = group.map((row) => row.uai);
    const groupReasons: string[] = [];
    let plan: { action: ImportAction; changes: AccountChange[]; gained: string[] } = { action: "create", changes: [], gained: uais };
    if (account) {
      const { changes, gained } = accountChanges(account, name, fn, uais);
      plan = { action: changes.length ? "update" : "unchanged", changes, gained };
      if (account.disabled) groupReasons.push(t("accountDisabled", { email }));
      else if (account.role !== "requester" && account.role !== "manager") groupReasons.push(t("staffAccount", { email }));
      else if (changes.length && !account.manageable) groupReasons.push(t("otherSchool", { email }));
    } else {
      const created = fn ?? DEFAULT_SSO_FUNCTION;
      plan.changes = [
        { field: "name", from: null, to: name || email },
        { field: "role", from: null, to: created.role },
        { field: "function", from: null, to: created.functionCode },
        { field: "establishments", from: [], to: [...uais].sort() },
      ];
    }
    // A group stands or falls whole: an account is never half-imported.
    if (refused || groupReasons.length) {
      const lines = group.map((row) => row.line).join(", ");
      for (const row of group) {
        const reasons = [...row.reasons, ...groupReasons];
        if (!reasons.length) reasons.push(t("otherLineRefused", { email, lines }));
        rows.push({ line: row.line, email, uai: row.uai, action: "reject", reasons, changes: [] });
      }
      continue;
    }
    // The person's first row carries the account's changes; a further row of an updated account updates it
    // only when it brings a school.
    for (const row of group) {
      const first = row === group[0];
      const action = plan.action === "update" && !first && !plan.gained.includes(row.uai) ? "unchanged" : plan.action;
      rows.push({ line: row.line, email, uai: row.uai, action, reasons: [], userId: account?.id, changes: first ? plan.changes : [] });
    }
    if (plan.action !== "unchanged") {
      // A known account here is a requester's or a head's (others were refused above).
      const target = fn ?? (account ? { role: account.role as SsoRole, functionCode: account.functionCode } : DEFAULT_SSO_FUNCTION);
      accounts.push({
        email,
        lines: group.map((row) => row.line),
        userId: account?.id ?? null,
        name: name || account?.name || email,
        role: target.role,
        functionCode: target.functionCode,
        uais: plan.gained,
        changes: plan.changes,
      });
    }
  }
  for (const row of parsed)
    if (!row.email) rows.push({ line: row.line, email: "", uai: row.uai, action: "reject", reasons: row.reasons, changes: [] });
  rows.sort((a, b) => a.line - b.line);
  return { rows, accounts, ...importCounts(rows) };
}
