import { getFormatter, getTranslations } from "next-intl/server";
import { invalidRequest, notFound, unauthenticated } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { parisDay } from "@/lib/domain/business-calendar";
import { auditQuery } from "@/lib/schemas/audit";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { auditCsv } from "@/lib/services/audit/read-audit";

export const dynamic = "force-dynamic";

/** GET /admin/journal/csv?<the journal's filters> → the filtered rows as CSV (the reader's labels, Paris times); the page's session, admins only. */
export const GET = apiRoute(async (request: Request) => {
  const search = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
  const query = auditQuery.safeParse(search);
  if (!query.success) return invalidRequest(query.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  // The reader's language and Paris time, as the page shows them.
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  const columns = ["at", "who", "ip", "action", "objectType", "objectId", "before", "after", "requestId"] as const;
  const file = await auditCsv(
    caller,
    query.data,
    {
      header: columns.map((column) => t(`columns.${column}`)),
      action: (action) => t(`actions.${action}`),
      objectType: (type) => t(`objectTypes.${type}`),
      at: (date) => format.dateTime(date, { dateStyle: "short", timeStyle: "medium" }),
    },
    auditActor(request.headers, caller),
  );
  // The page answers "not found" to anyone but an admin; its download does the same.
  if (!file) return notFound();
  return new Response(file.text, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="journal-${parisDay(new Date())}.csv"`,
      "cache-control": "no-store",
    },
  });
});
