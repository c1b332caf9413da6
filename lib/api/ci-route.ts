import { ciIdParam } from "@/lib/schemas/cis";
import { recordRoute } from "./record-route";

/** A /api/v1/cis/{id} handler: a malformed id is 404, then the caller (401), then the body (413, 400). */
export const ciRoute = recordRoute("id", ciIdParam);
