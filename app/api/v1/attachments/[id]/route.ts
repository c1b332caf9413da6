import { z } from "zod";
import { notFound, unauthenticated } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { showsInline } from "@/lib/attachments/policy";
import { apiCaller } from "@/lib/auth/current-caller";
import { fileDownloadResponse } from "@/lib/http/file-download";
import { attachmentForDownload } from "@/lib/services/tickets/attachments";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/attachments/:id → the file, to whoever may see its ticket; 404 for everyone else,
 * as for an unknown id. `?inline=1` shows images and PDF in the browser instead of downloading them.
 */
export const GET = apiRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  if (!z.uuid().safeParse(id).success) return notFound();
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();

  const attachment = await attachmentForDownload(caller, id, new Date());
  if (!attachment) return notFound();
  const inline = new URL(request.url).searchParams.get("inline") === "1" && showsInline(attachment.contentType);
  return fileDownloadResponse(attachment, inline ? "inline" : "attachment");
});
