import { getTranslations } from "next-intl/server";
import { RevokeTokenButton } from "@/components/account/revoke-token-button";
import { DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { pageCaller } from "@/lib/auth/current-caller";
import { listOwnApiTokens } from "@/lib/services/api-tokens";
import { revokeToken } from "./actions";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("account");

/** The signed-in person's own account: for now, the API tokens issued to it. */
export default async function AccountPage() {
  const caller = await pageCaller();
  const tokens = await listOwnApiTokens(caller, new Date());
  const t = await getTranslations("account");

  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <h2 className="mt-6 text-lg font-semibold">{t("tokens")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("tokensHelp")}</p>
      {tokens.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">{t("noTokens")}</p>
      ) : (
        <DataTable columns={[t("createdAt"), t("lastUsedAt"), t("expiresAt"), <span key="actions" className="sr-only">{t("actions")}</span>]}>
          {tokens.map((token) => (
            <tr key={token.id} className="border-t border-slate-100" data-token-id={token.id}>
              <td className="px-3 py-2"><DateTime value={token.createdAt} /></td>
              <td className="px-3 py-2">{token.lastUsedAt ? <DateTime value={token.lastUsedAt} /> : t("neverUsed")}</td>
              <td className="px-3 py-2"><DateTime value={token.expiresAt} /></td>
              <td className="px-3 py-2"><RevokeTokenButton tokenId={token.id} action={revokeToken} /></td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
