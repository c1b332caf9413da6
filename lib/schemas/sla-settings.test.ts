import { describe, expect, test } from "vitest";
import { translateFieldErrors } from "@/i18n/text";
import { fieldErrors } from "./field-errors";
import { addClosureSchema, ladderSchema, repairTimeSchema, weeklyHoursSchema } from "./sla-settings";

const errorsOf = (result: { success: boolean; error?: Parameters<typeof fieldErrors>[0] }) =>
  result.error ? translateFieldErrors(fieldErrors(result.error)) : [];

describe("closures", () => {
  test("a closure of every team, dates as the date input sends them", () => {
    expect(addClosureSchema.parse({ teamCode: "", from: "2027-04-10", to: "2027-04-26", label: " Vacances de printemps " })).toEqual({
      teamCode: "",
      from: "2027-04-10",
      to: "2027-04-26",
      label: "Vacances de printemps",
    });
  });

  test.each([
    [
      { from: "2027-04-26", to: "2027-04-10", label: "Vacances" },
      [{ field: "to", message: "La fin doit être le même jour que le début ou après." }],
    ],
    [{ from: "2027-02-30", to: "2027-03-01", label: "Vacances" }, [{ field: "from", message: "Début : date attendue (AAAA-MM-JJ)." }]],
    [{ from: "10/04/2027", to: "2027-04-26", label: "Vacances" }, [{ field: "from", message: "Début : date attendue (AAAA-MM-JJ)." }]],
    [
      { from: "2027-04-10", to: "2027-04-26", label: "  " },
      [{ field: "label", message: "Libellé obligatoire (par exemple « Vacances de printemps »)." }],
    ],
    [{ from: "2027-01-01", to: "2028-01-02", label: "Trop long" }, [{ field: "to", message: "Une fermeture dure 366 jours au plus." }]],
  ])("%o is refused", (input, errors) => {
    expect(errorsOf(addClosureSchema.safeParse({ teamCode: "", ...input }))).toEqual(errors);
  });

  test("a one-day closure is fine", () => {
    expect(addClosureSchema.safeParse({ from: "2027-05-07", to: "2027-05-07", label: "Pont" }).success).toBe(true);
  });
});

describe("weekly hours", () => {
  const monToFri = { d1s1: "08:00", d1e1: "12:00", d1s2: "13:30", d1e2: "17:00", d5s1: "08:00", d5e1: "12:00" };

  test("fields become a week, empty intervals skipped", () => {
    expect(weeklyHoursSchema.parse({ teamCode: "PROX-OUEST", ...monToFri })).toEqual({
      teamCode: "PROX-OUEST",
      weekly: {
        1: [
          { start: "08:00", end: "12:00" },
          { start: "13:30", end: "17:00" },
        ],
        2: [],
        3: [],
        4: [],
        5: [{ start: "08:00", end: "12:00" }],
        6: [],
        7: [],
      },
    });
  });

  test.each([
    [{ d2s1: "17:00", d2e1: "08:00" }, [{ field: "d2", message: "Mardi : la fin (08:00) doit venir après le début (17:00)." }]],
    [
      { d3s1: "08:00", d3e1: "12:30", d3s2: "12:00", d3e2: "17:00" },
      [{ field: "d3", message: "Mercredi : les deux plages se chevauchent." }],
    ],
    [{ d4s1: "8:00", d4e1: "12:00" }, [{ field: "d4", message: expect.stringContaining("Jeudi : heures attendues au format HH:MM") }]],
    [{ d1s1: "08:00" }, [{ field: "d1", message: "Indiquez le début et la fin de chaque plage (ou laissez les deux vides)." }]],
    [{}, [{ field: "week", message: expect.stringContaining("Ouvrez au moins une plage") }]],
  ])("%o is refused", (fields, errors) => {
    expect(errorsOf(weeklyHoursSchema.safeParse({ teamCode: "PROX-OUEST", ...fields }))).toEqual(errors);
  });
});

describe("escalation ladders", () => {
  test("rows filled in order become levels 1, 2…; empty rows are skipped", () => {
    expect(
      ladderSchema.parse({ teamCode: "PROX-OUEST", role1: "sector_lead", percent1: "80", role3: "service_lead", percent3: "150" }),
    ).toEqual({
      teamCode: "PROX-OUEST",
      levels: [
        { level: 1, role: "sector_lead", afterPercentOfResolve: 80 },
        { level: 2, role: "service_lead", afterPercentOfResolve: 150 },
      ],
    });
  });

  test.each([
    [
      { role1: "service_lead", percent1: "150", role2: "sector_lead", percent2: "100" },
      [{ field: "percent2", message: "Le niveau 2 ne peut pas venir avant le niveau 1 : pourcentage au moins égal à 150 %." }],
    ],
    [{ role1: "technician", percent1: "100" }, [{ field: "role1", message: expect.stringContaining("Choisissez qui est appelé") }]],
    [{ role1: "sector_lead", percent1: "0" }, [{ field: "percent1", message: expect.stringContaining("un nombre entier de 1 à 1000") }]],
    [{ role1: "sector_lead", percent1: "75.5" }, [{ field: "percent1", message: expect.stringContaining("un nombre entier de 1 à 1000") }]],
    [{}, [{ field: "ladder", message: "Au moins un niveau d'escalade (ou revenez à l'échelle par défaut)." }]],
  ])("%o is refused", (fields, errors) => {
    expect(errorsOf(ladderSchema.safeParse({ teamCode: "PROX-OUEST", ...fields }))).toEqual(errors);
  });
});

describe("vendors' repair times", () => {
  const vendorId = "6f1c1c1e-7c55-4d38-9a0c-4f0f6b1f2a11";
  test.each([
    [{ mode: "none" }, null],
    [{ mode: "next_business_day", hours: "12" }, { nextBusinessDay: true }],
    [{ mode: "hours", hours: "8" }, { businessMinutes: 480 }],
  ])("%o → %o", (fields, commitment) => {
    expect(repairTimeSchema.parse({ vendorId, ...fields })).toEqual({ vendorId, commitment });
  });

  test.each([["0"], ["301"], ["2.5"], [""]])("%s hours is refused", (hours) => {
    expect(errorsOf(repairTimeSchema.safeParse({ vendorId, mode: "hours", hours }))).toEqual([
      { field: "hours", message: "Nombre d'heures ouvrées attendu : un entier de 1 à 300." },
    ]);
  });
});
