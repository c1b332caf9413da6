/**
 * What a ticket message may carry. Pure: the bytes' detected type comes in as an argument
 * (file-type in the service), so every rule is table-tested. The detected type decides, never
 * the browser's declared type; the name's extension must agree with it.
 */

export const ATTACHMENT_LIMITS = { maxBytes: 10 * 1024 * 1024, maxFiles: 5 } as const;

/**
 * The most a form posting one message may weigh: its files at their limit, plus 2 MB for its text fields and
 * the multipart framing. next.config.ts gives it to Next (server actions, and the proxy that buffers page requests).
 */
export const MESSAGE_REQUEST_MAX_BYTES = ATTACHMENT_LIMITS.maxFiles * ATTACHMENT_LIMITS.maxBytes + 2 * 1024 * 1024;

/** The refusals are message keys (tickets.attachments.*); each names the file (`file`). */
export const TOO_MANY_FILES = { message: "tickets.attachments.tooMany", values: { max: ATTACHMENT_LIMITS.maxFiles } };
const NOT_ACCEPTED = "tickets.attachments.notAccepted";

/** What file-type recognised in the bytes; undefined when nothing (plain text among others). */
export type DetectedType = { ext: string } | undefined;

export type AttachmentVerdict =
  | { ok: true; fileName: string; contentType: string }
  | { ok: false; fileName: string; message: string; values: Record<string, string | number> };

type ContentTypeByExtension = Readonly<Record<string, string>>;

const OOXML = "application/vnd.openxmlformats-officedocument";
const ODF = "application/vnd.oasis.opendocument";

/** Detected type → the file extensions that agree with it → the content type stored and served. */
const ACCEPTED: Readonly<Record<string, ContentTypeByExtension>> = {
  png: { png: "image/png" },
  jpg: { jpg: "image/jpeg", jpeg: "image/jpeg" },
  gif: { gif: "image/gif" },
  webp: { webp: "image/webp" },
  heic: { heic: "image/heic", heif: "image/heif" },
  pdf: { pdf: "application/pdf" },
  docx: { docx: `${OOXML}.wordprocessingml.document` },
  xlsx: { xlsx: `${OOXML}.spreadsheetml.sheet` },
  pptx: { pptx: `${OOXML}.presentationml.presentation` },
  odt: { odt: `${ODF}.text` },
  ods: { ods: `${ODF}.spreadsheet` },
  odp: { odp: `${ODF}.presentation` },
  // Legacy Office files share one container (OLE2, "cfb"): only the extension tells them apart.
  cfb: { doc: "application/msword", xls: "application/vnd.ms-excel", ppt: "application/vnd.ms-powerpoint" },
};

/** Text has no magic number: it qualifies when nothing is detected and the bytes are UTF-8 without NUL. */
const TEXT: ContentTypeByExtension = {
  txt: "text/plain; charset=utf-8",
  log: "text/plain; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  md: "text/markdown; charset=utf-8",
};

const KNOWN_EXTENSIONS = new Set([...Object.values(ACCEPTED), TEXT].flatMap((types) => Object.keys(types)));

const MAX_NAME_LENGTH = 120;
// Longer "extensions" are just a dot inside the name, not worth keeping when truncating.
const MAX_EXTENSION_LENGTH = 10;
const FALLBACK_NAME = "piece-jointe";

// The user picks the extension, so look keys up as own properties only ("x.constructor").
const lookup = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

const refusal = (fileName: string, message: string, values: Record<string, string | number> = {}): AttachmentVerdict => ({
  ok: false,
  fileName,
  message,
  values: { file: fileName, ...values },
});

/** Accepts or refuses one file, naming it as it will be stored. */
export function judgeAttachment(file: { name: string; bytes: Uint8Array; detected: DetectedType }): AttachmentVerdict {
  const fileName = sanitizeFileName(file.name);
  if (file.bytes.length === 0) return refusal(fileName, "tickets.attachments.empty");
  if (file.bytes.length > ATTACHMENT_LIMITS.maxBytes) {
    return refusal(fileName, "tickets.attachments.tooLarge", { max: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024 });
  }

  const extension = extensionOf(fileName);
  const isText = isUtf8Text(file.bytes);
  // A text name over UTF-8 bytes is text whatever file-type says: its two-byte signatures misfire
  // on prose ("BMW en panne" reads as a BMP), and text is served as text/plain, never interpreted.
  const textType = isText ? lookup(TEXT, extension) : undefined;
  if (textType) return { ok: true, fileName, contentType: textType };

  const types = file.detected ? lookup(ACCEPTED, file.detected.ext) : isText ? TEXT : undefined;
  if (!types) {
    return !file.detected && lookup(TEXT, extension) ? refusal(fileName, "tickets.attachments.notUtf8") : refusal(fileName, NOT_ACCEPTED);
  }

  if (extension === "") {
    // Name it after its content when that has a single answer (a pasted "image" → "image.png").
    const [first, ...others] = Object.entries(types);
    if (first && others.every(([, type]) => type === first[1]))
      return { ok: true, fileName: sanitizeFileName(`${fileName}.${first[0]}`), contentType: first[1] };
    return refusal(fileName, "tickets.attachments.noExtension");
  }
  const contentType = lookup(types, extension);
  if (contentType) return { ok: true, fileName, contentType };
  return KNOWN_EXTENSIONS.has(extension)
    ? refusal(fileName, "tickets.attachments.mismatch", { extension })
    : refusal(fileName, NOT_ACCEPTED);
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The lower-case extension without its dot, or "" when the name has none. */
function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

/**
 * A file name safe to store and show: the last path segment only; letters (accents included),
 * digits, space, dot, dash, underscore and parentheses; invisible characters dropped (they hide
 * a real extension, "rapport\u202Efdp.exe"); no leading dot; at most 120 characters, extension kept.
 */
export function sanitizeFileName(name: string): string {
  const cleaned = (name.normalize("NFC").split(/[/\\]/).pop() ?? "")
    .replace(/\s/gu, " ")
    .replace(/\p{C}/gu, "")
    .replace(/[^\p{L}\p{N} ._\-()]/gu, "_")
    .replace(/ {2,}/g, " ")
    .replace(/^[. ]+/, "")
    // Windows drops trailing dots and spaces; drop them here so the name stays the same everywhere.
    .replace(/[. ]+$/, "");
  return truncateKeepingExtension(cleaned) || FALLBACK_NAME;
}

function truncateKeepingExtension(name: string): string {
  const characters = Array.from(name);
  if (characters.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 && name.length - dot - 1 <= MAX_EXTENSION_LENGTH ? name.slice(dot) : "";
  const base = characters
    .slice(0, MAX_NAME_LENGTH - extension.length)
    .join("")
    .trimEnd();
  return base + extension;
}

/** Raster images and PDF are safe to show in the browser; everything else is only downloaded. */
export function showsInline(contentType: string): boolean {
  return /^image\/(png|jpeg|gif|webp)$/.test(contentType) || contentType === "application/pdf";
}

/** Content-Disposition (RFC 6266): an ASCII fallback name for old clients, the exact UTF-8 name for the rest. */
export function contentDisposition(fileName: string, disposition: "attachment" | "inline"): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  // RFC 8187 leaves ' ( ) * out of the characters that may stay unencoded.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
