import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ApproverKind } from "@/lib/domain/vocabulary";

type ToApprove = {
  reference: string;
  title: string;
  school: string;
  requesterName: string;
  approverKind: ApproverKind;
  openedAt: Date | null;
};

/** "À valider": the requests waiting for the caller's decision, oldest first, each leading to its approval page. */
export async function ApprovalsHome({ tickets }: { tickets: ToApprove[] }) {
  if (tickets.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("approvals"), getFormatter()]);
  return (
    <section aria-labelledby="home-approvals">
      <h2 id="home-approvals" className="text-lg font-semibold">
        {t("home.title")}
      </h2>
      <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {tickets.map((ticket) => (
          <li key={ticket.reference} className="p-3">
            <Link href={`/validations/${encodeURIComponent(ticket.reference)}`} className="font-medium text-brand-800 underline">
              {ticket.reference} · {ticket.title}
            </Link>
            <p className="text-sm text-slate-600">
              {t("home.row", {
                requester: ticket.requesterName,
                school: ticket.school,
                kind: t(`kinds.${ticket.approverKind}`),
                since: ticket.openedAt ? format.dateTime(ticket.openedAt, { dateStyle: "long" }) : "",
              })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
