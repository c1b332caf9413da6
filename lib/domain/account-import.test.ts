import { describe, expect, test } from "vitest";
import { translatorFor } from "@/i18n/text";
import type { Caller } from "./caller";
import {
  accountImportColumn,
  accountImportScope,
  planAccountImport,
  type AccountImportContext,
  type ExistingAccount,
  type PlannedAccountRow,
} from "./account-import";
import type { ImportRecord } from "./csv-import";

/** The reasons in French, as the import answers them. */
const fr = translatorFor("fr");

const SCHOOLS = new Map([
  ["0370037P", { id: "s-choiseul", uai: "0370037P", writable: true }],
  ["0450029M", { id: "s-palissy", uai: "0450029M", writable: true }],
  ["0180010N", { id: "s-other", uai: "0180010N", writable: false }],
]);

const existing = (overrides: Partial<ExistingAccount> = {}): ExistingAccount => ({
  id: "u-claire",
  email: "claire.martin@ac-test.fr",
  name: "Claire Martin",
  role: "requester",
  functionCode: null,
  disabled: false,
  uais: ["0370037P"],
  manageable: true,
  ...overrides,
});

function context(accounts: ExistingAccount[] = []): AccountImportContext {
  return {
    schools: SCHOOLS,
    accounts: new Map(accounts.map((account) => [account.email, account])),
    functionMap: { DIR: { role: "manager", functionCode: "chef_etablissement" } },
    functions: new Map([
      ["csl", "csl"],
      ["correspondantsupportlocalcsl", "csl"],
      ["autre", "autre"],
    ]),
  };
}

let line = 1;
const row = (values: Record<string, string>): ImportRecord => ({
  line: ++line,
  values: { email: "claire.martin@ac-test.fr", first_name: "Claire", last_name: "Martin", uai: "0370037P", ...values },
});
const outcome = (rows: PlannedAccountRow[]) => rows.map((planned) => ({ action: planned.action, reasons: planned.reasons.join(" ") }));

describe("planAccountImport: one row", () => {
  test.each<[string, Record<string, string>, ExistingAccount[], { action: string; reasons?: string | RegExp }]>([
    ["a new e-mail at a known school is created", { email: "Paul.Neuf@AC-TEST.fr" }, [], { action: "create" }],
    ["the same account with the same school, name and function is unchanged", {}, [existing()], { action: "unchanged" }],
    ["a known account gains a school", { uai: "0450029M" }, [existing()], { action: "update" }],
    ["a known account takes the file's name", { first_name: "Claire-Anne" }, [existing()], { action: "update" }],
    ["DIR makes a head", { function: "DIR" }, [existing()], { action: "update" }],
    ["a Guichet function label is read", { function: "Correspondant support local (CSL)" }, [existing()], { action: "update" }],
    ["an unknown function on a requester without function changes nothing", { function: "ENS" }, [existing()], { action: "unchanged" }],
    ["a missing e-mail", { email: "" }, [], { action: "reject", reasons: "E-mail manquant." }],
    ["a malformed e-mail", { email: "claire.martin" }, [], { action: "reject", reasons: "E-mail invalide : « claire.martin »." }],
    ["a missing UAI", { uai: "" }, [], { action: "reject", reasons: "UAI manquant." }],
    ["a UAI with a wrong check letter", { uai: "0370037A" }, [], { action: "reject", reasons: "UAI invalide : « 0370037A »." }],
    ["a UAI Guichet does not know", { uai: "0750001U" }, [], { action: "reject", reasons: "UAI inconnu de Guichet : 0750001U." }],
    [
      "a school the caller does not manage",
      { uai: "0180010N" },
      [],
      { action: "reject", reasons: "Vous ne gérez pas les comptes de l'établissement 0180010N." },
    ],
    ["a disabled account", {}, [existing({ disabled: true })], { action: "reject", reasons: /désactivé/ }],
    [
      "a technician's account",
      { uai: "0450029M" },
      [existing({ role: "technician", uais: [] })],
      { action: "reject", reasons: /administration des comptes/ },
    ],
    [
      "a head changing an account that is also elsewhere",
      { uai: "0450029M" },
      [existing({ manageable: false })],
      { action: "reject", reasons: /ne gérez pas/ },
    ],
    ["an account also elsewhere, left as it is, is unchanged", {}, [existing({ manageable: false })], { action: "unchanged" }],
  ])("%s", (_label, values, accounts, expected) => {
    const plan = planAccountImport([row(values)], context(accounts), fr);
    const [planned] = outcome(plan.rows);
    expect(planned!.action).toBe(expected.action);
    if (typeof expected.reasons === "string") expect(planned!.reasons).toBe(expected.reasons);
    else if (expected.reasons) expect(planned!.reasons).toMatch(expected.reasons);
    else expect(planned!.reasons).toBe("");
  });
});

describe("planAccountImport: the file as a whole", () => {
  test("a new account: role, function, schools and name, created without more", () => {
    const plan = planAccountImport(
      [row({ email: "Direction@Ac-Test.fr", first_name: "Nadia", last_name: "Roussel", function: "DIR" })],
      context(),
      fr,
    );
    expect(plan.accounts).toEqual([
      {
        email: "direction@ac-test.fr",
        lines: [plan.rows[0]!.line],
        userId: null,
        name: "Nadia Roussel",
        role: "manager",
        functionCode: "chef_etablissement",
        uais: ["0370037P"],
        changes: expect.any(Array),
      },
    ]);
    expect(plan).toMatchObject({ created: 1, updated: 0, unchanged: 0, rejected: [] });
  });

  test("one person on two rows is one account with two schools", () => {
    const plan = planAccountImport([row({ email: "deux@ac-test.fr" }), row({ email: "deux@ac-test.fr", uai: "0450029M" })], context(), fr);
    expect(plan.accounts).toHaveLength(1);
    expect(plan.accounts[0]!.uais).toEqual(["0370037P", "0450029M"]);
    expect(plan.rows.map((planned) => planned.action)).toEqual(["create", "create"]);
  });

  test("one refused row refuses the whole person, and says why on each line", () => {
    const plan = planAccountImport([row({ email: "deux@ac-test.fr" }), row({ email: "deux@ac-test.fr", uai: "0750001U" })], context(), fr);
    expect(plan.accounts).toEqual([]);
    expect(outcome(plan.rows)).toEqual([
      { action: "reject", reasons: expect.stringMatching(/^Une autre ligne de deux@ac-test.fr est refusée/) },
      { action: "reject", reasons: "UAI inconnu de Guichet : 0750001U." },
    ]);
  });

  test("two names for one e-mail, or one school twice, are refused", () => {
    const names = planAccountImport(
      [row({ email: "x@ac-test.fr" }), row({ email: "x@ac-test.fr", first_name: "Autre", uai: "0450029M" })],
      context(),
      fr,
    );
    expect(names.rows.every((planned) => planned.action === "reject" && /Noms différents/.test(planned.reasons.join()))).toBe(true);
    const twice = planAccountImport([row({ email: "y@ac-test.fr" }), row({ email: "Y@ac-test.fr" })], context(), fr);
    expect(twice.rows[1]!.reasons.join()).toMatch(/figure déjà pour 0370037P/);
  });

  test("the higher role among a person's rows wins", () => {
    const plan = planAccountImport(
      [row({ email: "z@ac-test.fr", function: "ENS" }), row({ email: "z@ac-test.fr", uai: "0450029M", function: "DIR" })],
      context(),
      fr,
    );
    expect(plan.accounts[0]).toMatchObject({ role: "manager", functionCode: "chef_etablissement" });
  });

  test("re-planning what an import made changes nothing", () => {
    const made = existing({
      id: "u-new",
      email: "direction@ac-test.fr",
      name: "Nadia Roussel",
      role: "manager",
      functionCode: "chef_etablissement",
      uais: ["0370037P", "0450029M"],
    });
    const again = planAccountImport(
      [
        row({ email: "direction@ac-test.fr", first_name: "Nadia", last_name: "Roussel", function: "DIR" }),
        row({ email: "direction@ac-test.fr", first_name: "Nadia", last_name: "Roussel", function: "DIR", uai: "0450029M" }),
      ],
      context([made]),
      fr,
    );
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, accounts: [] });
  });
});

describe("accountImportColumn", () => {
  test.each([
    ["E-mail", "email"],
    ["Courriel", "email"],
    ["mail", "email"],
    ["Nom", "last_name"],
    ["Prénom", "first_name"],
    ["PRENOM", "first_name"],
    ["UAI", "uai"],
    ["RNE", "uai"],
    ["Fonction", "function"],
    ["first name", "first_name"],
    ["Téléphone", null],
  ])("%s → %s", (header, column) => {
    expect(accountImportColumn(header)).toBe(column);
  });
});

describe("accountImportScope", () => {
  const caller = (role: Caller["role"], establishmentIds: string[] = []): Caller => ({
    id: "c",
    email: "c@x.fr",
    name: "C",
    role,
    establishmentIds,
    teamIds: [],
    zoneId: null,
    zoneIds: [],
  });
  test.each<[Caller, "all" | readonly string[] | null]>([
    [caller("admin"), "all"],
    [caller("manager", ["s1", "s2"]), ["s1", "s2"]],
    [caller("manager"), null],
    [caller("requester", ["s1"]), null],
    [caller("technician"), null],
    [caller("sector_lead"), null],
  ])("%#", (who, expected) => {
    expect(accountImportScope(who)).toEqual(expected);
  });
});
