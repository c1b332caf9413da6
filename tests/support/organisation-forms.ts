import type { Locator, Page } from "playwright-core";

export type NewSchool = { uai: string; name: string; type: string; city: string; departement: string; zone: string };

/**
 * Fills the admins' "Nouvel établissement" form on /admin/etablissements and submits it. Returns the
 * form, to read a refusal beside its fields or submit it again.
 */
export async function submitNewSchool(page: Page, school: NewSchool): Promise<Locator> {
  const form = page.getByRole("form", { name: "Nouvel établissement" });
  await form.getByLabel("UAI").fill(school.uai);
  await form.getByLabel("Nom").fill(school.name);
  await form.getByLabel("Type").fill(school.type);
  await form.getByLabel("Commune").fill(school.city);
  await form.getByLabel("Département").fill(school.departement);
  await form.getByLabel("Zone").selectOption(school.zone);
  await form.getByRole("button", { name: "Créer l'établissement" }).click();
  return form;
}

/** Fills the admins' "Nouvelle équipe" form on /admin/equipes and submits it. */
export async function submitNewTeam(page: Page, team: { code: string; name: string; zone: string }): Promise<void> {
  const form = page.getByRole("form", { name: "Nouvelle équipe" });
  await form.getByLabel("Code").fill(team.code);
  await form.getByLabel("Nom").fill(team.name);
  await form.getByLabel("Zone").selectOption(team.zone);
  await form.getByRole("button", { name: "Créer l'équipe" }).click();
}
