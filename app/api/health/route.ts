import { database } from "@/db/client";
import { redis } from "@/lib/redis";
import { checkHealth } from "@/lib/services/health";

export const dynamic = "force-dynamic";

/** 200 when PostgreSQL and Redis both answer, 503 naming the one that does not. */
export async function GET() {
  const report = await checkHealth({ db: database(), redis: redis() });
  return Response.json(report, { status: report.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
