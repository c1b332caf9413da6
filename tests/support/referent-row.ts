import { queryE2eDatabase } from "./e2e-database";

/**
 * Names a school's referent straight in the e2e app's database, for one file's tests (the sector lead's own form is
 * planning.test.ts's subject). Remove it after them: other files file at the school and expect its tickets to wait
 * in the team's queue, and their e-mails to go where they did.
 */
export async function setReferentRow(databaseUrl: string, uai: string, email: string): Promise<void> {
  await queryE2eDatabase(
    databaseUrl,
    `
    INSERT INTO establishment_referents (establishment_id, referent_id)
    SELECT e.id, u.id FROM establishments e, users u WHERE e.uai = $1 AND u.email = $2
    ON CONFLICT (establishment_id) DO UPDATE SET referent_id = excluded.referent_id`,
    [uai, email],
  );
}

export async function removeReferentRow(databaseUrl: string, uai: string): Promise<void> {
  await queryE2eDatabase(
    databaseUrl,
    "DELETE FROM establishment_referents WHERE establishment_id = (SELECT id FROM establishments WHERE uai = $1)",
    [uai],
  );
}
