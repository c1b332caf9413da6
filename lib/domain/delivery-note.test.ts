import { expect, test } from "vitest";
import { noteColumn, planDeliveryNote } from "./delivery-note";

const words = (key: string, values?: Record<string, string | number>) => `${key}${values ? JSON.stringify(values) : ""}`;
const rows = (...values: Array<Record<string, string>>) => values.map((cells, index) => ({ line: index + 2, values: cells }));

test.each([
  ["Référence", "code"],
  ["Modèle", "model"],
  ["N° de série", "serial_number"],
  ["Numéro de série", "serial_number"],
  ["Qté", "quantity"],
  ["Salle", "room"],
  ["serial number", "serial_number"],
  ["Prix", null],
])("the header %s reads as %s", (header, column) => {
  expect(noteColumn(header)).toBe(column);
});

test("rows per item group into lines by code, model and room, with their serials", () => {
  const plan = planDeliveryNote(
    rows(
      { code: "PC-MULTI", model: "HP 800", room: "B12", serial_number: "czc1" },
      { code: "PC-MULTI", model: "HP 800", room: "B12", serial_number: "CZC2" },
      { code: "PC-MULTI", model: "HP 800", room: "C01", serial_number: "CZC3" },
      { code: "ECRAN", model: "Iiyama 24", quantity: "5" },
    ),
    words,
  );
  expect(plan.lines).toEqual([
    { code: "PC-MULTI", model: "HP 800", quantity: 2, room: "B12", serials: ["CZC1", "CZC2"] },
    { code: "PC-MULTI", model: "HP 800", quantity: 1, room: "C01", serials: ["CZC3"] },
    { code: "ECRAN", model: "Iiyama 24", quantity: 5, room: undefined, serials: [] },
  ]);
  expect(plan.rows.map((row) => row.action)).toEqual(["create", "create", "create", "create"]);
});

test.each([
  [{ code: "", model: "HP" }, "deliveries.note.noCode"],
  [{ code: "PC", model: "" }, "deliveries.note.noModel"],
  [{ code: "PC", model: "HP", quantity: "deux" }, 'deliveries.note.badQuantity{"value":"deux"}'],
  [{ code: "PC", model: "HP", quantity: "3", serial_number: "X" }, "deliveries.note.serialWithQuantity"],
])("a row refused: %o", (cells, reason) => {
  const plan = planDeliveryNote(rows(cells), words);
  expect(plan.rows[0]).toMatchObject({ action: "reject", reasons: [reason] });
  expect(plan.lines).toEqual([]);
});

test("a serial twice is refused on its second row", () => {
  const plan = planDeliveryNote(
    rows({ code: "PC", model: "HP", serial_number: "A1" }, { code: "PC", model: "HP", serial_number: "a1" }),
    words,
  );
  expect(plan.rows.map((row) => row.action)).toEqual(["create", "reject"]);
  expect(plan.rows[1]!.reasons).toEqual(['deliveries.note.serialTwice{"serial":"A1"}']);
  expect(plan.lines[0]!.quantity).toBe(1);
});
