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
