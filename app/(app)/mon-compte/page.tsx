import { getTranslations } from "next-intl/server";
import { RevokeTokenButton } from "@/components/account/revoke-token-button";
import { NotificationPreferencesForm } from "@/components/notifications/preferences-form";
import { PasswordForm } from "@/components/people/password-form";
import { ProfileForm } from "@/components/people/profile-form";
import { DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { pageCaller } from "@/lib/auth/current-caller";
import { readOwnAccount } from "@/lib/services/accounts/own-account";
import { listOwnApiTokens } from "@/lib/services/accounts/api-tokens";
import { readMyPreferences } from "@/lib/services/notifications/my-notifications";
import { can } from "@/lib/domain/permissions";
import { changePassword, revokeToken, saveNotificationPreferences, saveProfile } from "./actions";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("account");

/** The signed-in person's own account: their details, their password, the API tokens issued to them. */
export default async function AccountPage() {
  const caller = await pageCaller();
  const [tokens, profile, t, tPeople, tNotifications] = await Promise.all([
    listOwnApiTokens(caller, new Date()),
    readOwnAccount(caller),
    getTranslations("account"),
    getTranslations("people"),
    getTranslations("notifications"),
  ]);
  // Staff are told of their work; the school's people follow their requests by e-mail, with nothing to choose.
  const preferences = can(caller, "desk.use") ? await readMyPreferences(caller) : null;

  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <h2 className="mt-6 text-lg font-semibold">{tPeople("profileTitle")}</h2>
      <p className="mt-1 text-sm text-slate-600">{caller.email}</p>
      <div className="mt-3">{profile && <ProfileForm action={saveProfile} profile={profile} />}</div>
      {preferences && (
        <>
          <h2 className="mt-8 text-lg font-semibold">{tNotifications("preferences.title")}</h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{tNotifications("preferences.intro")}</p>
          <div className="mt-3">
            <NotificationPreferencesForm action={saveNotificationPreferences} preferences={preferences} />
          </div>
        </>
      )}
      <h2 className="mt-8 text-lg font-semibold">{tPeople("passwordTitle")}</h2>
      <p className="mt-1 text-sm text-slate-600">{tPeople("passwordHelp")}</p>
      <div className="mt-3 max-w-md">
        <PasswordForm action={changePassword} askCurrent submitLabel={tPeople("changePassword")} success={tPeople("passwordChanged")} />
      </div>
      <h2 className="mt-8 text-lg font-semibold">{t("tokens")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("tokensHelp")}</p>
      {tokens.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">{t("noTokens")}</p>
      ) : (
        <DataTable
          columns={[
            t("createdAt"),
            t("lastUsedAt"),
            t("expiresAt"),
            <span key="actions" className="sr-only">
              {t("actions")}
            </span>,
          ]}
        >
          {tokens.map((token) => (
            <tr key={token.id} className="border-t border-slate-100" data-token-id={token.id}>
              <td className="px-3 py-2">
                <DateTime value={token.createdAt} />
              </td>
              <td className="px-3 py-2">{token.lastUsedAt ? <DateTime value={token.lastUsedAt} /> : t("neverUsed")}</td>
              <td className="px-3 py-2">
                <DateTime value={token.expiresAt} />
              </td>
              <td className="px-3 py-2">
                <RevokeTokenButton tokenId={token.id} action={revokeToken} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
