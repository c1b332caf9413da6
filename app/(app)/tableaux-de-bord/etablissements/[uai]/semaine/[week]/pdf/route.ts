import { problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { DOWNLOAD_HEADERS } from "@/lib/http/security-headers";
import { translatorFor } from "@/i18n/text";
import { weeklyReportText } from "@/lib/presentation/weekly-report-text";
import { readWeeklyReport } from "@/lib/services/weekly-report/read-weekly-report";
import { weeklyReportPdf } from "@/lib/services/weekly-report/weekly-report-pdf";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** GET …/semaine/{week}/pdf → the week's report as a printable PDF (French), with the page's session and access. */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ uai: string; week: string }> }) => {
  const { uai, week } = await params;
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const found = await readWeeklyReport(caller, uai, week);
  if (!found.ok) return problemFromFailure(found.failure);
  const report = found.value;
  const french = translatorFor("fr");
  const t = (key: string, values?: Record<string, string | number>) => french(`weeklyReport.${key}`, values);
  const bytes = await weeklyReportPdf(weeklyReportText(report, t, "fr"), {
    title: `${t("title")} · ${t("weekLabel", { week: report.week })}`,
    url: `${env().APP_URL.replace(/\/+$/, "")}${report.path}`,
  });
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="compte-rendu-${report.school.uai}-${report.week}.pdf"`,
      "cache-control": "no-store",
      ...DOWNLOAD_HEADERS,
    },
  });
});
