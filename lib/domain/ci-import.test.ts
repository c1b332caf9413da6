import { describe, expect, test } from "vitest";
import { translatorFor } from "@/i18n/text";
import type { CiFields } from "./ci-fields";
import { importColumn, planImport, type ExistingCi, type ImportContext, type ImportRecord } from "./ci-import";

/** The reasons in French, as the import answers them. */
const fr = translatorFor("fr");

const CHOISEUL = { id: "e-choiseul", uai: "0370037P", writable: true };
const PALISSY = { id: "e-palissy", uai: "0450029M", writable: false };

const stored = (id: string, overrides: Partial<CiFields>): ExistingCi => ({
  id,
  name: id,
  class: "pc",
  establishmentId: CHOISEUL.id,
  building: null,
  room: null,
  status: "production",
  criticality: "low",
  brand: null,
  model: null,
  serialNumber: null,
  assetNumber: null,
  regionNumber: null,
  purchaseDate: null,
  deliveryDate: null,
  warrantyEndOverride: null,
  funding: "region",
  maintainerId: null,
  parentId: null,
  notes: null,
  attributes: {},
  ...overrides,
});

const CORE = stored("core", { class: "network_switch", name: "rca0370037psw154.SRB3.35", serialNumber: "CN59GPX05B", room: "SRB3" });
const PC = stored("pc-a107", {
  name: "a107-pc01",
  serialNumber: "CZC3380PFS",
  room: "A107",
  parentId: "core",
  attributes: { os_family: "Windows", ram_mb: 4096 },
});

const context = (overrides: Partial<ImportContext> = {}): ImportContext => ({
  schools: new Map([
    [CHOISEUL.uai, CHOISEUL],
    [PALISSY.uai, PALISSY],
  ]),
  existing: [CORE, PC],
  serialsElsewhere: new Map([["DS3FZY1", { establishmentId: "e-other", uai: "0180005H", name: "hostc" }]]),
  vendors: new Map([["scc", "v-scc"]]),
  ...overrides,
});

let line = 1;
const row = (values: Record<string, string>): ImportRecord => ({
  line: ++line,
  values: { establishment_uai: "0370037P", class: "pc", ...values },
});

describe("one row at a time", () => {
  test.each<[string, Record<string, string>, RegExp]>([
    ["an unknown UAI", { name: "x1", establishment_uai: "0370038Y" }, /UAI (inconnu|invalide)/],
    ["a malformed UAI", { name: "x1", establishment_uai: "lycée" }, /UAI invalide/],
    [
      "a school the caller may not write",
      { name: "x1", establishment_uai: "0450029M" },
      /Vous ne pouvez pas modifier l'inventaire de l'établissement 0450029M/,
    ],
    ["an unknown class", { name: "x1", class: "toaster" }, /Classe inconnue/],
    ["a bad date", { name: "x1", purchase_date: "31/02/2020" }, /Date invalide dans purchase_date/],
    [
      "a field the class does not take",
      { name: "x1", class: "network_switch", ram_mb: "512" },
      /ram_mb ne vaut pas pour la classe Commutateur/,
    ],
    ["a number that is not one", { name: "x1", ram_mb: "4 Go" }, /ram_mb/],
    ["a bad IP", { name: "x1", class: "router", management_ip: "10.0.0.999" }, /management_ip/],
    ["no name", { name: "" }, /Nom manquant/],
    ["an unknown status", { name: "x1", status: "cassé" }, /Statut inconnu/],
    ["an unknown vendor", { name: "x1", maintainer: "Nobody" }, /Prestataire inconnu/],
    [
      "a serial inventoried in another school",
      { name: "x1", class: "server", serial_number: "ds3fzy1" },
      /déjà inventorié dans l'établissement 0180005H/,
    ],
    ["an unknown parent", { name: "x1", parent: "nowhere" }, /parent inconnu/],
    ["a parent of the wrong class", { name: "x1", parent: "a107-pc01" }, /ne peut pas être le lien montant/],
    ["a class change", { name: "a107-pc01", class: "laptop" }, /existe déjà avec la classe PC/],
  ])("%s is rejected", (_case, values, reason) => {
    const plan = planImport([row(values)], context(), fr);
    expect(plan.rows[0]!.action).toBe("reject");
    expect(plan.rejected[0]!.reasons.join(" ")).toMatch(reason);
  });

  test("French names of vocabularies, French dates and grouped digits are read", () => {
    const plan = planImport(
      [
        row({
          name: "x2",
          status: "obsolète",
          criticality: "basse",
          funding: "Fonds propres",
          purchase_date: "16/09/2013",
          ram_mb: "4 096",
          maintainer: "SCC",
        }),
      ],
      context(),
      fr,
    );
    expect(plan.rows[0]).toMatchObject({
      action: "create",
      fields: {
        status: "obsolete",
        criticality: "low",
        funding: "own_funds",
        purchaseDate: "2013-09-16",
        maintainerId: "v-scc",
        attributes: { ram_mb: 4096 },
      },
    });
  });
});

describe("matching", () => {
  test("by serial number first, whatever the name: the row renames the item", () => {
    const plan = planImport([row({ name: "a107-pc01-new", serial_number: "czc3380pfs" })], context(), fr);
    expect(plan.rows[0]).toMatchObject({
      action: "update",
      ciId: "pc-a107",
      changes: [{ field: "name", from: "a107-pc01", to: "a107-pc01-new" }],
    });
  });

  test("then by name within the school; the same values change nothing", () => {
    const plan = planImport(
      [row({ name: "A107-PC01", room: "A107", os_family: "Windows", parent: "rca0370037psw154.SRB3.35" })],
      context(),
      fr,
    );
    expect(plan.rows[0]).toMatchObject({ action: "update", changes: [{ field: "name" }] });
    const same = planImport(
      [row({ name: "a107-pc01", room: "A107", os_family: "Windows", ram_mb: "4096", parent: "rca0370037psw154.SRB3.35" })],
      context(),
      fr,
    );
    expect(same.rows[0]!.action).toBe("unchanged");
    expect(same).toMatchObject({ created: 0, updated: 0, unchanged: 1, rejected: [] });
  });

  test("attributes merge with the stored ones", () => {
    const plan = planImport([row({ name: "a107-pc01", cpu: "Intel Pentium G2020" })], context(), fr);
    expect(plan.rows[0]!.fields!.attributes).toEqual({ os_family: "Windows", ram_mb: 4096, cpu: "Intel Pentium G2020" });
    expect(plan.rows[0]!.changes).toEqual([{ field: "attributes.cpu", from: null, to: "Intel Pentium G2020" }]);
  });
});

describe("the file as a whole", () => {
  test("a serial twice in the file refuses both rows; the others go through", () => {
    const plan = planImport(
      [row({ name: "d1", serial_number: "DUP1" }), row({ name: "d2", serial_number: "dup1" }), row({ name: "ok1" })],
      context(),
      fr,
    );
    expect(plan.rows.map((r) => r.action)).toEqual(["reject", "reject", "create"]);
    expect(plan.rejected[0]!.reasons[0]).toMatch(/en double dans le fichier \(lignes \d+, \d+\)/);
  });

  test("parents later in the file are found; a refused parent takes its children with it", () => {
    const plan = planImport(
      [
        row({ name: "pc-b1", parent: "sw-b" }),
        row({ name: "sw-b", class: "network_switch", parent: "rca0370037psw154.SRB3.35" }),
        row({ name: "pc-c1", parent: "sw-c" }),
        row({ name: "sw-c", class: "network_switch", purchase_date: "never" }),
      ],
      context(),
      fr,
    );
    expect(plan.rows.map((r) => r.action)).toEqual(["create", "create", "reject", "reject"]);
    expect(plan.rows[0]!.parent).toEqual({ kind: "line", line: plan.rows[1]!.line });
    expect(plan.rows[1]!.parent).toEqual({ kind: "existing", id: "core" });
    expect(plan.rows[2]!.reasons[0]).toMatch(/parent sw-c est refusé/);
  });

  test("a loop through stored and imported links is refused", () => {
    const plan = planImport(
      [
        row({ name: "sw-x", class: "network_switch", parent: "rca0370037psw154.SRB3.35" }),
        row({ name: "rca0370037psw154.SRB3.35", class: "network_switch", parent: "sw-x" }),
      ],
      context(),
      fr,
    );
    expect(plan.rows.every((r) => r.action === "reject")).toBe(true);
    expect(plan.rejected.flatMap((r) => r.reasons).join(" ")).toMatch(/boucle/);
  });
});

test.each([
  ["name", "name"],
  ["Numéro de série", "serial_number"],
  ["Salle", "room"],
  ["SERIAL_NUMBER", "serial_number"],
  ["Modèle", "model"],
  ["ram_mb", "ram_mb"],
  ["colour", null],
])("header %j → %j", (header, column) => {
  expect(importColumn(header)).toBe(column);
});
