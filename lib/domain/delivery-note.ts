/**
 * A supplier's delivery note as a CSV file (issue 17): one row per item (with its serial number) or per line (with
 * a quantity), read with the headers suppliers write. Rows of the same code, model and room make one line of the
 * delivery; a row the note cannot use is refused with its reasons, as the inventory's import does. Pure.
 */
import { columnReader, type ImportRecord } from "./csv-import";
import { normalizeSerial } from "./deliveries";

export const NOTE_COLUMNS = ["code", "model", "quantity", "room", "serial_number"] as const;
export const NOTE_REQUIRED = ["code", "model"] as const;

/** Folded headers (lib/domain/ci-classes.ts foldLabel: no accents, spaces or signs) → column. */
const ALIASES: Record<string, string> = {
  reference: "code",
  codearticle: "code",
  article: "code",
  modele: "model",
  designation: "model",
  quantite: "quantity",
  qte: "quantity",
  salle: "room",
  salleprevue: "room",
  serial: "serial_number",
  numerodeserie: "serial_number",
  ndeserie: "serial_number",
  nodeserie: "serial_number",
  sn: "serial_number",
  numeroserie: "serial_number",
  numserie: "serial_number",
};

export const noteColumn = columnReader(NOTE_COLUMNS, ALIASES);

export type NoteLine = { code: string; model: string; quantity: number; room?: string; serials: string[] };
export type NoteRow = { line: number; action: "create" | "reject"; name: string; reasons: string[] };

/**
 * The delivery's lines from the note's rows. `words` names the reasons (catalogue keys under deliveries.note.*);
 * a serial number appearing twice is refused on its second row.
 */
export function planDeliveryNote(
  records: readonly ImportRecord[],
  words: (key: string, values?: Record<string, string | number>) => string,
): { lines: NoteLine[]; rows: NoteRow[] } {
  const lines = new Map<string, NoteLine>();
  const seen = new Set<string>();
  const rows: NoteRow[] = records.map((record) => {
    const code = record.values.code?.trim() ?? "";
    const model = record.values.model?.trim() ?? "";
    const room = record.values.room?.trim() || undefined;
    const serial = normalizeSerial(record.values.serial_number ?? "");
    const rawQuantity = record.values.quantity?.trim() ?? "";
    const quantity = rawQuantity === "" ? 1 : Number(rawQuantity);
    const reasons: string[] = [];
    if (!code) reasons.push(words("deliveries.note.noCode"));
    if (!model) reasons.push(words("deliveries.note.noModel"));
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1000)
      reasons.push(words("deliveries.note.badQuantity", { value: rawQuantity }));
    else if (serial && quantity !== 1) reasons.push(words("deliveries.note.serialWithQuantity"));
    if (serial && seen.has(serial)) reasons.push(words("deliveries.note.serialTwice", { serial }));
    const name = serial || [code, model].filter(Boolean).join(" ");
    if (reasons.length) return { line: record.line, action: "reject", name, reasons };
    if (serial) seen.add(serial);
    const key = JSON.stringify([code, model, room ?? ""]);
    const entry = lines.get(key) ?? { code, model, quantity: 0, room, serials: [] };
    entry.quantity += quantity;
    if (serial) entry.serials.push(serial);
    lines.set(key, entry);
    return { line: record.line, action: "create", name, reasons: [] };
  });
  return { lines: [...lines.values()], rows };
}
