import { fileTypeFromBuffer } from "file-type";
import { describe, expect, test } from "vitest";
import { translateText } from "@/i18n/text";
import { sampleFiles } from "@/tests/support/sample-files";
import { ATTACHMENT_LIMITS, contentDisposition, judgeAttachment, sanitizeFileName, showsInline } from "./policy";

// Real detection on real leading bytes: the policy is only as good as what file-type reports.
const judge = async (name: string, bytes: Uint8Array) => judgeAttachment({ name, bytes, detected: await fileTypeFromBuffer(bytes) });

const OOXML = "application/vnd.openxmlformats-officedocument";
/** The French a reader sees (the verdict gives the key `tickets.attachments.notAccepted`). */
const NOT_ACCEPTED = "ce type de fichier n'est pas accepté (images, PDF, texte, documents bureautiques).";

describe("judgeAttachment accepts", () => {
  test.each([
    ["capture.png", sampleFiles.png(), "capture.png", "image/png"],
    ["Photo.JPG", sampleFiles.jpeg(), "Photo.JPG", "image/jpeg"],
    ["photo.jpeg", sampleFiles.jpeg(), "photo.jpeg", "image/jpeg"],
    ["anim.gif", sampleFiles.gif(), "anim.gif", "image/gif"],
    ["ecran.webp", sampleFiles.webp(), "ecran.webp", "image/webp"],
    ["iphone.heic", sampleFiles.heic(), "iphone.heic", "image/heic"],
    ["devis.pdf", sampleFiles.pdf(), "devis.pdf", "application/pdf"],
    ["notes.txt", sampleFiles.text(), "notes.txt", "text/plain; charset=utf-8"],
    ["serveur.log", sampleFiles.text("2026-01-05 erreur disque\n"), "serveur.log", "text/plain; charset=utf-8"],
    ["eleves.csv", sampleFiles.text("nom;prénom\nDurand;Élise\n"), "eleves.csv", "text/csv; charset=utf-8"],
    ["lisez-moi.md", sampleFiles.text("# Procédure\n"), "lisez-moi.md", "text/markdown; charset=utf-8"],
    ["with-bom.txt", Uint8Array.from([0xef, 0xbb, 0xbf, ...sampleFiles.text()]), "with-bom.txt", "text/plain; charset=utf-8"],
    ["voiture.txt", sampleFiles.text("BMW en panne\n"), "voiture.txt", "text/plain; charset=utf-8"],
    ["rapport.docx", sampleFiles.docx(), "rapport.docx", `${OOXML}.wordprocessingml.document`],
    ["budget.xlsx", sampleFiles.xlsx(), "budget.xlsx", `${OOXML}.spreadsheetml.sheet`],
    ["cours.pptx", sampleFiles.pptx(), "cours.pptx", `${OOXML}.presentationml.presentation`],
    ["compte-rendu.odt", sampleFiles.odt(), "compte-rendu.odt", "application/vnd.oasis.opendocument.text"],
    ["tableau.ods", sampleFiles.ods(), "tableau.ods", "application/vnd.oasis.opendocument.spreadsheet"],
    ["diapo.odp", sampleFiles.odp(), "diapo.odp", "application/vnd.oasis.opendocument.presentation"],
    ["ancien.doc", sampleFiles.cfb(), "ancien.doc", "application/msword"],
    ["ancien.xls", sampleFiles.cfb(), "ancien.xls", "application/vnd.ms-excel"],
    ["ancien.ppt", sampleFiles.cfb(), "ancien.ppt", "application/vnd.ms-powerpoint"],
    ["image", sampleFiles.png(), "image.png", "image/png"],
    ["scan", sampleFiles.pdf(), "scan.pdf", "application/pdf"],
    ["x".repeat(120), sampleFiles.png(), `${"x".repeat(116)}.png`, "image/png"],
  ])("%s", async (name, bytes, fileName, contentType) => {
    expect(await judge(name, bytes)).toEqual({ ok: true, fileName, contentType });
  });

  test("exactly 10 Mo", async () => {
    const bytes = new Uint8Array(ATTACHMENT_LIMITS.maxBytes).fill(0x61);
    expect(await judge("gros.txt", bytes)).toMatchObject({ ok: true });
  });
});

describe("judgeAttachment refuses, naming the file", () => {
  test.each([
    ["rapport.exe", sampleFiles.exe(), `« rapport.exe » : ${NOT_ACCEPTED}`],
    ["archive.zip", sampleFiles.zip(), `« archive.zip » : ${NOT_ACCEPTED}`],
    ["macro.docm", sampleFiles.docm(), `« macro.docm » : ${NOT_ACCEPTED}`],
    ["page.html", sampleFiles.text("<!DOCTYPE html><script>alert(1)</script>"), `« page.html » : ${NOT_ACCEPTED}`],
    ["dessin.svg", sampleFiles.text("<svg xmlns='http://www.w3.org/2000/svg'/>"), `« dessin.svg » : ${NOT_ACCEPTED}`],
    ["installeur.msi", sampleFiles.cfb(), `« installeur.msi » : ${NOT_ACCEPTED}`],
    ["photo.constructor", sampleFiles.png(), `« photo.constructor » : ${NOT_ACCEPTED}`],
    ["photo.pdf", sampleFiles.png(), "« photo.pdf » : son contenu ne correspond pas à l'extension .pdf."],
    ["devis.png", sampleFiles.pdf(), "« devis.png » : son contenu ne correspond pas à l'extension .png."],
    ["programme.txt", sampleFiles.exe(), `« programme.txt » : ${NOT_ACCEPTED}`],
    ["rapport.docx", sampleFiles.cfb(), "« rapport.docx » : son contenu ne correspond pas à l'extension .docx."],
    [
      "export.csv",
      Uint8Array.from([0x6e, 0x6f, 0x6d, 0x3b, 0x70, 0x72, 0xe9, 0x6e, 0x6f, 0x6d]),
      "« export.csv » : ce fichier texte doit être enregistré en UTF-8.",
    ],
    ["ancien", sampleFiles.cfb(), "« ancien » : ajoutez l'extension du fichier à son nom (.doc, .xls, .txt…)."],
    ["vide.txt", new Uint8Array(0), "« vide.txt » : fichier vide."],
    ["gros.pdf", new Uint8Array(ATTACHMENT_LIMITS.maxBytes + 1), "« gros.pdf » : fichier trop volumineux (10 Mo au plus)."],
    ["../../etc/passwd", sampleFiles.exe(), `« passwd » : ${NOT_ACCEPTED}`],
  ])("%s", async (name, bytes, message) => {
    const verdict = await judge(name, bytes);
    expect(verdict.ok ? verdict : translateText(verdict.message, verdict.values)).toBe(message);
  });
});

describe("sanitizeFileName", () => {
  test.each([
    ["Compte rendu (réunion) élèves_2026.pdf", "Compte rendu (réunion) élèves_2026.pdf"],
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\cpe\\Bureau\\relevé.xlsx", "relevé.xlsx"],
    [".htaccess", "htaccess"],
    ["...", "piece-jointe"],
    ["", "piece-jointe"],
    ["   ", "piece-jointe"],
    ["rapport  \t final.pdf", "rapport final.pdf"],
    ["ligne\nsuivante.txt", "ligne suivante.txt"],
    ["nul\u0000byte.txt", "nulbyte.txt"],
    ["rapport\u202Efdp.exe", "rapportfdp.exe"],
    ["facture#12&co.pdf", "facture_12_co.pdf"],
    ["d'intervention.pdf", "d_intervention.pdf"],
    ["capture d’écran.png", "capture d_écran.png"],
    ["e\u0301le\u0300ve.txt", "élève.txt"],
    ["rapport. ", "rapport"],
    ["<script>.txt", "_script_.txt"],
  ])("%j → %j", (name, expected) => {
    expect(sanitizeFileName(name)).toBe(expected);
  });

  test("cuts a long name to 120 characters, keeping the extension", () => {
    const name = sanitizeFileName(`${"é".repeat(200)}.docx`);
    expect(Array.from(name)).toHaveLength(120);
    expect(name.endsWith("é.docx")).toBe(true);
  });

  test("a long name whose 'extension' is just a late dot is cut like any name", () => {
    expect(sanitizeFileName(`a.${"b".repeat(200)}`)).toBe(`a.${"b".repeat(118)}`);
  });
});

describe("download headers", () => {
  test.each([
    ["rapport.pdf", "attachment", `attachment; filename="rapport.pdf"; filename*=UTF-8''rapport.pdf`],
    ["élève (1).png", "inline", `inline; filename="eleve (1).png"; filename*=UTF-8''%C3%A9l%C3%A8ve%20%281%29.png`],
    ["日本.txt", "attachment", `attachment; filename="__.txt"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.txt`],
    [`say "hi"\\.txt`, "attachment", `attachment; filename="say _hi__.txt"; filename*=UTF-8''say%20%22hi%22%5C.txt`],
  ] as const)("%s %s", (fileName, disposition, header) => {
    expect(contentDisposition(fileName, disposition)).toBe(header);
  });

  test.each([
    ["image/png", true],
    ["image/jpeg", true],
    ["application/pdf", true],
    ["image/heic", false],
    ["text/plain; charset=utf-8", false],
    [`${OOXML}.wordprocessingml.document`, false],
  ])("%s shown inline: %s", (contentType, inline) => {
    expect(showsInline(contentType)).toBe(inline);
  });
});
