import { apiRoute } from "@/lib/api/route";
import { unauthenticated } from "@/lib/api/problem";
import { apiCaller } from "@/lib/auth/current-caller";
import { readCatalogue } from "@/lib/services/tickets/catalogue";

export const dynamic = "force-dynamic";

/** GET /api/v1/services → the catalogue with its categories and their form fields (any signed-in caller). */
export const GET = apiRoute(async (request: Request) => {
  if (!(await apiCaller(request))) return unauthenticated();
  const catalogue = await readCatalogue();
  return Response.json({
    items: catalogue.map(({ id: _id, categories, ...service }) => ({
      ...service,
      categories: categories.map(({ id: _c, ...category }) => category),
    })),
  });
});
