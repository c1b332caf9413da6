import { contentDisposition } from "@/lib/attachments/policy";
import { DOWNLOAD_HEADERS } from "./security-headers";

/** A stored file as the answer: typed as we detected it, never sniffed as another type nor run (attachments, onboarding documents). */
export function fileDownloadResponse(
  file: { fileName: string; contentType: string; file: Blob },
  disposition: "attachment" | "inline" = "attachment",
): Response {
  return new Response(file.file, {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.file.size),
      "content-disposition": contentDisposition(file.fileName, disposition),
      ...DOWNLOAD_HEADERS,
      "cache-control": "private, no-store",
    },
  });
}
