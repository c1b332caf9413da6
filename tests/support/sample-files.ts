import { crc32 } from "node:zlib";

/** Tiny files whose leading bytes are the real thing, so file-type recognises each as the app will see it. */

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

const littleEndian = (value: number, bytes: 2 | 4) => Uint8Array.from({ length: bytes }, (_, index) => (value >>> (8 * index)) & 0xff);

/** A zip of uncompressed ("stored") entries, enough for file-type to read entry names and contents. */
function storedZip(entries: [name: string, content: string][]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameBytes = utf8(name);
    const data = utf8(text);
    // version, flags, method 0 (stored), time, date, crc, sizes, name length, extra length
    const common = concat(
      littleEndian(20, 2),
      littleEndian(0, 2),
      littleEndian(0, 2),
      littleEndian(0, 2),
      littleEndian(0x21, 2),
      littleEndian(crc32(data), 4),
      littleEndian(data.length, 4),
      littleEndian(data.length, 4),
      littleEndian(nameBytes.length, 2),
      littleEndian(0, 2),
    );
    const local = concat(littleEndian(0x04034b50, 4), common, nameBytes, data);
    centrals.push(
      concat(
        littleEndian(0x02014b50, 4),
        littleEndian(20, 2),
        common,
        littleEndian(0, 2),
        littleEndian(0, 2),
        littleEndian(0, 2),
        littleEndian(0, 4),
        littleEndian(offset, 4),
        nameBytes,
      ),
    );
    locals.push(local);
    offset += local.length;
  }
  const directory = concat(...centrals);
  const end = concat(
    littleEndian(0x06054b50, 4),
    littleEndian(0, 2),
    littleEndian(0, 2),
    littleEndian(entries.length, 2),
    littleEndian(entries.length, 2),
    littleEndian(directory.length, 4),
    littleEndian(offset, 4),
    littleEndian(0, 2),
  );
  return concat(...locals, directory, end);
}

const openXml = (mainPart: string, contentType: string) =>
  storedZip([
    [
      "[Content_Types].xml",
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${mainPart}" ContentType="${contentType}.main+xml"/></Types>`,
    ],
    [mainPart, `<?xml version="1.0"?><root/>`],
  ]);

const openDocument = (mimeType: string) =>
  storedZip([
    ["mimetype", mimeType],
    ["content.xml", `<?xml version="1.0"?><root/>`],
  ]);

export const sampleFiles = {
  png: () =>
    Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64")),
  jpeg: () =>
    Uint8Array.from([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x10,
      ...utf8("JFIF"),
      0x00,
      0x01,
      0x01,
      0x00,
      0x00,
      0x01,
      0x00,
      0x01,
      0x00,
      0x00,
      0xff,
      0xd9,
    ]),
  gif: () => concat(utf8("GIF89a"), Uint8Array.from([1, 0, 1, 0, 0, 0, 0, 0x3b])),
  webp: () => concat(utf8("RIFF"), littleEndian(12, 4), utf8("WEBPVP8 "), new Uint8Array(8)),
  heic: () => concat(Uint8Array.from([0x00, 0x00, 0x00, 0x18]), utf8("ftypheic"), new Uint8Array(4), utf8("mif1heic")),
  pdf: () => utf8("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
  text: (text = "L'imprimante de la salle B12 affiche « bourrage papier ».\n") => utf8(text),
  docx: () => openXml("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
  xlsx: () => openXml("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  pptx: () => openXml("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
  docm: () => openXml("word/document.xml", "application/vnd.ms-word.document.macroEnabled"),
  odt: () => openDocument("application/vnd.oasis.opendocument.text"),
  ods: () => openDocument("application/vnd.oasis.opendocument.spreadsheet"),
  odp: () => openDocument("application/vnd.oasis.opendocument.presentation"),
  zip: () => storedZip([["notes.txt", "bonjour"]]),
  /** An OLE2 compound file header: what .doc, .xls and .ppt (and .msi) all start with. */
  cfb: () => concat(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), new Uint8Array(504)),
  exe: () => concat(utf8("MZ"), Uint8Array.from([0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00])),
};
