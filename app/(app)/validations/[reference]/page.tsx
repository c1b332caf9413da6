import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApprovalForm } from "@/components/approvals/approval-form";
import { ApprovalPanel } from "@/components/approvals/approval-panel";
import { CategoryAnswers } from "@/components/tickets/category-answers";
import { TicketHeader } from "@/components/tickets/ticket-header";
import { TicketTimeline } from "@/components/tickets/ticket-timeline";
import { Panel } from "@/components/ui/panel";
import { pageTitle } from "@/i18n/page-title";
import { pageCaller } from "@/lib/auth/current-caller";
import { readApproval } from "@/lib/services/approvals/read-approvals";
import { decideFromPage } from "./actions";

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return pageTitle("approval", { reference: (await params).reference });
}

/** A request waiting for approval, as its approver reads it: what is asked, by whom, and Approuver / Refuser (with the reason). */
export default async function ApprovalPage({ params }: Props) {
  const caller = await pageCaller();
  const found = await readApproval(caller, (await params).reference, new Date());
  if (!found) notFound();
  const { ticket } = found;
  const t = await getTranslations();
  return (
    <article className="space-y-4">
      <Link href="/" className="text-sm text-brand-700 underline">
        {t("approvals.page.back")}
      </Link>
      <TicketHeader ticket={ticket} />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Panel title={t("approvals.page.request")}>
            <p className="text-sm text-slate-600">
              {t("approvals.page.filedBy", { name: ticket.requester.name, school: ticket.establishment.name })}
            </p>
            <p className="mt-2 whitespace-pre-wrap">{ticket.description}</p>
          </Panel>
          <CategoryAnswers fields={ticket.category.fields} answers={ticket.fields} />
          <TicketTimeline events={found.journal} />
        </div>
        <div className="space-y-4">
          <ApprovalPanel levels={ticket.approvals} />
          {found.decides ? (
            <Panel title={t("approvals.page.decide")}>
              <ApprovalForm action={decideFromPage} hidden={{ reference: ticket.reference }} />
            </Panel>
          ) : (
            <p className="text-sm text-slate-600">{t("approvals.page.nothingToDecide")}</p>
          )}
        </div>
      </div>
    </article>
  );
}
