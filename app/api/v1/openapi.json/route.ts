import { openApiDocument } from "@/lib/api/openapi";

/** The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes use. */
export function GET() {
  return Response.json(openApiDocument());
}
