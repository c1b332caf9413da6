import { apiRoute } from "@/lib/api/route";
import { unauthenticated } from "@/lib/api/problem";
import { apiCaller } from "@/lib/auth/current-caller";
import { navigationFor } from "@/lib/domain/navigation";
import type { MeJson } from "@/lib/schemas/api-responses";

export const dynamic = "force-dynamic";

/** Who the token or session belongs to, and what the app shell offers them. */
export const GET = apiRoute(async (request: Request) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  return Response.json({
    id: caller.id,
    email: caller.email,
    name: caller.name,
    role: caller.role,
    navigation: navigationFor(caller).map((item) => item.key),
  } satisfies MeJson);
});
