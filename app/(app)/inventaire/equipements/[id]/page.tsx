import Link from "next/link";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CiHistory } from "@/components/cmdb/ci-history";
import { CiInterventions } from "@/components/interventions/ci-interventions";
import { CiStatusBadge } from "@/components/cmdb/ci-status-badge";
import { CiTicketList } from "@/components/cmdb/ci-ticket-list";
import { Day, dateWriter } from "@/components/ui/date-time";
import { Panel } from "@/components/ui/panel";
import { pageCaller } from "@/lib/auth/current-caller";
import { attributeKeysFor } from "@/lib/domain/ci-classes";
import { can } from "@/lib/domain/permissions";
import { ciIdParam } from "@/lib/schemas/cis";
import { ciPage } from "@/lib/services/cmdb/read-ci";
import { titledOnceFound } from "@/i18n/page-title";

type Props = { params: Promise<{ id: string }> };

/** The item the caller may see, or the 404 page; one lookup per request for the title and the body. */
const visibleCi = cache(async (rawId: string) => {
  const id = ciIdParam.safeParse(rawId);
  if (!id.success) notFound();
  const caller = await pageCaller();
  const page = await ciPage(caller, id.data, new Date());
  if (!page) notFound();
  return { caller, page };
});

export const generateMetadata = titledOnceFound("equipment", async ({ params }: Props) => visibleCi((await params).id));

/** One item: its facts, class-specific fields, lifecycle, neighbours both ways, the tickets about it and below it, its history. */
export default async function CiPage({ params }: Props) {
  const { caller, page } = await visibleCi((await params).id);
  const [t, tInterventions, write] = await Promise.all([getTranslations("cmdb"), getTranslations("interventions"), dateWriter()]);
  const { ci } = page;
  const ticketBase = can(caller, "desk.use") ? "/bureau/tickets" : "/demandes";
  const fact = (label: string, value: React.ReactNode) => (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd>{value ?? <span className="text-slate-500">—</span>}</dd>
    </>
  );
  const link = (item: { id: string; name: string }) => (
    <Link className="text-brand-700 underline" href={`/inventaire/equipements/${item.id}`}>
      {item.name}
    </Link>
  );
  const attributeKeys = attributeKeysFor(ci.class).filter((key) => ci.attributes[key] !== undefined);

  return (
    <article className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500">
            <Link className="underline" href={`/inventaire/etablissements/${ci.establishment.uai}`}>
              {ci.establishment.name} ({ci.establishment.uai})
            </Link>{" "}
            · {t(`classes.${ci.class}`)}
          </p>
          <h1 className="text-2xl font-semibold">{ci.name}</h1>
          <p className="mt-1">
            <CiStatusBadge status={ci.status} />
          </p>
        </div>
        {page.canWrite && (
          <Link
            className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white"
            href={`/inventaire/equipements/${ci.id}/modifier`}
          >
            {t("detail.edit")}
          </Link>
        )}
      </header>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title={t("detail.facts")}>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            {fact(t("fields.building"), ci.building)}
            {fact(t("fields.room"), ci.room)}
            {fact(t("fields.criticality"), t(`criticalities.${ci.criticality}`))}
            {fact(t("fields.brand"), ci.brand)}
            {fact(t("fields.model"), ci.model)}
            {fact(t("fields.serialNumber"), ci.serialNumber && <span className="font-mono">{ci.serialNumber}</span>)}
            {fact(t("fields.assetNumber"), ci.assetNumber && <span className="font-mono text-xs">{ci.assetNumber}</span>)}
            {fact(t("fields.regionNumber"), ci.regionNumber)}
            {fact(t("fields.funding"), t(`fundings.${ci.funding}`))}
            {fact(t("fields.maintainer"), ci.maintainer)}
            {fact(t("fields.notes"), ci.notes)}
          </dl>
        </Panel>
        <Panel title={t("lifecycle.title")}>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            {fact(t("fields.purchaseDate"), <Day value={ci.purchaseDate} />)}
            {fact(t("fields.deliveryDate"), <Day value={ci.deliveryDate} />)}
            {fact(
              t("lifecycle.warrantyEnd"),
              ci.warranty.end ? (
                <>
                  <Day value={ci.warranty.end} /> ({t(ci.warranty.active ? "lifecycle.warrantyActive" : "lifecycle.warrantyOver")},{" "}
                  {t(ci.warranty.source === "override" ? "lifecycle.warrantyOverride" : "lifecycle.warrantyRule")})
                </>
              ) : (
                t("lifecycle.warrantyNone")
              ),
            )}
            {fact(
              t("lifecycle.ownership"),
              ci.ownership.school
                ? ci.ownership.transfer
                  ? t("lifecycle.ownershipSince", { date: write.day(ci.ownership.transfer) })
                  : t("lifecycle.ownershipSchool")
                : ci.ownership.transfer
                  ? t("lifecycle.ownershipRegion", { date: write.day(ci.ownership.transfer) })
                  : t("lifecycle.ownershipRegionUnknown"),
            )}
            {fact(t("lifecycle.age"), ci.ageYears === null ? t("lifecycle.ageUnknown") : t("lifecycle.ageYears", { years: ci.ageYears }))}
            {fact(
              t("lifecycle.renewal"),
              ci.renewal.reason ? (
                <strong className="text-orange-800">
                  {t("lifecycle.renewalCandidate", { reason: t(`renewal.${ci.renewal.reason}`) })}
                </strong>
              ) : (
                t("lifecycle.renewalNo")
              ),
            )}
          </dl>
        </Panel>
        <Panel title={t("detail.specific")}>
          {attributeKeys.length === 0 ? (
            <p className="text-sm text-slate-600">{t("detail.noSpecific")}</p>
          ) : (
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              {attributeKeys.map((key) => (
                <div key={key} className="contents">
                  {fact(t(`attributes.${key}`), String(ci.attributes[key]))}
                </div>
              ))}
            </dl>
          )}
        </Panel>
        <Panel title={t("detail.relations")}>
          <dl className="space-y-2 text-sm">
            {page.parentKind && (
              <div>
                <dt className="text-slate-500">{t(page.parentKind === "hosted_on" ? "detail.hostedOn" : "detail.uplink")}</dt>
                <dd>
                  {ci.parent ? (
                    <>
                      {link(ci.parent)} <span className="text-slate-500">({t(`classes.${ci.parent.class}`)})</span>
                    </>
                  ) : (
                    t("detail.none")
                  )}
                </dd>
              </div>
            )}
            {page.childTotal > 0 && (
              <div>
                <dt className="text-slate-500">{t("detail.below", { count: page.childTotal })}</dt>
                <dd>
                  <ul className="columns-2">
                    {page.children.map((child) => (
                      <li key={child.id}>
                        {link(child)}{" "}
                        <span className="text-slate-500">
                          {t(`classes.${child.class}`)}
                          {child.room ? ` · ${child.room}` : ""}
                        </span>
                      </li>
                    ))}
                  </ul>
                  {page.childTotal > page.children.length && (
                    <p className="text-slate-500">{t("detail.belowMore", { count: page.childTotal - page.children.length })}</p>
                  )}
                </dd>
              </div>
            )}
            {(ci.class === "software" ||
              page.installed.length > 0 ||
              ["pc", "laptop", "tablet", "server", "virtual_machine"].includes(ci.class)) && (
              <div>
                <dt className="text-slate-500">{t(ci.class === "software" ? "detail.installedOn" : "detail.installedSoftware")}</dt>
                <dd>
                  {page.installed.length === 0 ? (
                    t("detail.noInstallations")
                  ) : (
                    <ul>
                      {page.installed.map((item) => (
                        <li key={item.id}>
                          {link(item)}
                          {item.version ? ` ${item.version}` : ""}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            )}
          </dl>
        </Panel>
      </div>

      <Panel title={t("detail.tickets")}>
        <div className="space-y-4">
          {page.belowTotal > 0 && (
            <section aria-label={t("detail.openBelow", { count: page.openIncidentsBelow })}>
              <h3 className={`font-medium ${page.openIncidentsBelow ? "text-amber-900" : ""}`}>
                {t("detail.openBelow", { count: page.openIncidentsBelow })}
              </h3>
              <CiTicketList tickets={page.openBelow.filter((ticket) => ticket.type === "incident")} ticketBase={ticketBase} showCi />
            </section>
          )}
          <section>
            <h3 className="font-medium">{t("detail.openTickets")}</h3>
            <CiTicketList tickets={page.openTickets} ticketBase={ticketBase} />
          </section>
          <section>
            <h3 className="font-medium">{t("detail.pastTickets")}</h3>
            <CiTicketList tickets={page.pastTickets} ticketBase={ticketBase} />
          </section>
        </div>
      </Panel>

      <Panel title={t("detail.history")}>
        <CiHistory entries={page.history} />
      </Panel>

      <Panel title={tInterventions("ci.title")}>
        <CiInterventions entries={page.interventions} ticketBase={ticketBase} />
      </Panel>
    </article>
  );
}
