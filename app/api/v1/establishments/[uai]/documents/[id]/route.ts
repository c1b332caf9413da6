import { z } from "zod";
import { notFound, unauthenticated } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { fileDownloadResponse } from "@/lib/http/file-download";
import { checkedUai } from "@/lib/schemas/primitives";
import { onboardingDocumentForDownload } from "@/lib/services/organisation/onboarding-documents";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/establishments/{uai}/documents/{id} → a document of the school's onboarding (RDV1 to RDV4), to whoever
 * follows it (admins, service lead, the zone's sector lead); 404 for everyone else, as for an unknown id.
 */
export const GET = apiRoute(async (request: Request, context: { params: Promise<{ uai: string; id: string }> }) => {
  const { uai, id } = await context.params;
  const school = checkedUai.safeParse(decodeURIComponent(uai));
  if (!school.success || !z.uuid().safeParse(id).success) return notFound();
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();

  const document = await onboardingDocumentForDownload(caller, school.data, id);
  return document ? fileDownloadResponse(document) : notFound();
});
