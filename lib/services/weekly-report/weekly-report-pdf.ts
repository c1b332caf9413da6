import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { ReportText } from "@/lib/presentation/weekly-report-text";

/** The characters of WinAnsi beyond Latin-1, which the standard fonts can draw (escaped: a table, not words). */
const WIN_ANSI_EXTRAS = new Set(
  "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178",
);

/** What the standard fonts cannot draw: narrow spaces (French number and date formats) become spaces, the rest "?". */
function drawable(text: string): string {
  return [...text.replace(/[\u202f\u2009\u2007]/g, " ")]
    .map((char) => (char.charCodeAt(0) < 0x100 || WIN_ANSI_EXTRAS.has(char) ? char : "?"))
    .join("");
}

const PAGE = { width: 595.28, height: 841.89, margin: 50 }; // A4, in points

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The weekly report as a printable A4 PDF: the same sections as the page and the e-mail (lib/presentation/weekly-report-text.ts),
 * drawn with pdf-lib's standard Helvetica (no font file to ship), new pages as the text runs on.
 */
export async function weeklyReportPdf(text: ReportText, meta: { title: string; url: string }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(drawable(meta.title));
  pdf.setLanguage("fr-FR");
  pdf.setCreator("Guichet");
  const [regular, bold] = await Promise.all([pdf.embedFont(StandardFonts.Helvetica), pdf.embedFont(StandardFonts.HelveticaBold)]);
  let page: PDFPage = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;

  const write = (content: string, font: PDFFont, size: number, indent = 0, gap = 4) => {
    for (const line of wrap(drawable(content), font, size, width - indent)) {
      if (y - size < PAGE.margin) {
        page = pdf.addPage([PAGE.width, PAGE.height]);
        y = PAGE.height - PAGE.margin;
      }
      page.drawText(line, { x: PAGE.margin + indent, y: y - size, size, font, color: rgb(0.1, 0.1, 0.15) });
      y -= size + gap;
    }
  };

  write(meta.title, bold, 16, 0, 6);
  write(text.heading, regular, 11, 0, 12);
  for (const section of text.sections) {
    y -= 8;
    write(section.title, bold, 12, 0, 6);
    if (section.note) write(section.note, regular, 10);
    if (section.lines.length === 0) write(section.empty, regular, 10);
    for (const line of section.lines) write(`– ${line}`, regular, 10, 10);
  }
  y -= 12;
  write(meta.url, regular, 8);
  return pdf.save();
}
