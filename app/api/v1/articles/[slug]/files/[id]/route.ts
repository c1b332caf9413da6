import { z } from "zod";
import { notFound, unauthenticated } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { showsInline } from "@/lib/attachments/policy";
import { apiCaller } from "@/lib/auth/current-caller";
import { fileDownloadResponse } from "@/lib/http/file-download";
import { articleFileForDownload } from "@/lib/services/knowledge/read-articles";

export const dynamic = "force-dynamic";

/** GET /api/v1/articles/{slug}/files/{id} → the file, to whoever may read the article; 404 otherwise. `?inline=1` shows images and PDF. */
export const GET = apiRoute(async (request: Request, context: { params: Promise<{ slug: string; id: string }> }) => {
  const { slug, id } = await context.params;
  if (!z.uuid().safeParse(id).success || !/^[a-z0-9-]{1,90}$/.test(slug)) return notFound();
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const file = await articleFileForDownload(caller, slug, id);
  if (!file) return notFound();
  const inline = new URL(request.url).searchParams.get("inline") === "1" && showsInline(file.contentType);
  return fileDownloadResponse(file, inline ? "inline" : "attachment");
});
