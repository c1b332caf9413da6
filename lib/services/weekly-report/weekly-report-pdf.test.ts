import { PDFDocument } from "pdf-lib";
import { expect, test } from "vitest";
import { weeklyReportPdf } from "./weekly-report-pdf";

const section = (lines: string[]) => ({ id: "opened" as const, title: "Tickets ouverts", lines, empty: "Aucun." });

test("draws French text, and what Helvetica cannot draw (narrow spaces, arrows, emoji) does not break it", async () => {
  const bytes = await weeklyReportPdf(
    {
      heading: "Lycée Choiseul : semaine du 7 décembre 2026 au 13 décembre 2026",
      from: "",
      to: "",
      sections: [section(["GU-2026-000001 : « Écran noir » → œuvre 1\u202f234 🙂"])],
    },
    { title: "Compte-rendu de la semaine · Semaine 2026-W50", url: "http://localhost:3000/x" },
  );
  expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
  expect((await PDFDocument.load(bytes)).getTitle()).toBe("Compte-rendu de la semaine · Semaine 2026-W50");
});

test("a long week runs on to further pages", async () => {
  const lines = Array.from(
    { length: 120 },
    (_, index) => `GU-2026-${String(index).padStart(6, "0")} : un ticket au titre assez long pour occuper une ligne entière de la page A4`,
  );
  const bytes = await weeklyReportPdf(
    { heading: "Semaine chargée", from: "", to: "", sections: [section(lines)] },
    { title: "Compte-rendu", url: "http://localhost:3000/x" },
  );
  expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(1);
});
