import { getTranslations } from "next-intl/server";
import { pageCaller } from "@/lib/auth/current-caller";
import { callerAffiliations } from "@/lib/services/caller-affiliations";

export default async function HomePage() {
  const caller = await pageCaller();
  const [t, affiliations] = await Promise.all([getTranslations(), callerAffiliations(caller)]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("home.title", { name: caller.name })}</h1>
      <p>{t("home.role", { role: t(`roles.${caller.role}`) })}</p>
      {affiliations.establishments.length > 0 && (
        <div>
          <h2 className="font-medium">{t("home.establishments", { count: affiliations.establishments.length })}</h2>
          <ul className="mt-1 list-disc pl-6">
            {affiliations.establishments.map((school) => <li key={school.id}>{school.name} ({school.uai}), {school.city}</li>)}
          </ul>
        </div>
      )}
      {affiliations.teams.length > 0 && (
        <div>
          <h2 className="font-medium">{t("home.teams", { count: affiliations.teams.length })}</h2>
          <ul className="mt-1 list-disc pl-6">
            {affiliations.teams.map((team) => <li key={team.code}>{team.name} <span className="text-slate-500">({team.code})</span></li>)}
          </ul>
        </div>
      )}
    </section>
  );
}
