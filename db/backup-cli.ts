import "@/lib/load-dotenv";
import { env } from "@/lib/env";
import { backup, restore, uploadsArchiveOf } from "./backup";

/**
 * `npm run db:backup -- FILE` and `npm run db:restore -- FILE`: the database of DATABASE_URL (pg_dump custom
 * format) and the attachments under UPLOAD_DIR (FILE.uploads.tar), both needed to start again elsewhere.
 */
async function main(): Promise<number> {
  const [command, file] = process.argv.slice(2);
  if ((command !== "backup" && command !== "restore") || !file) {
    console.error("Usage : npm run db:backup -- <fichier>  |  npm run db:restore -- <fichier>");
    return 2;
  }
  const stores = { databaseUrl: env().DATABASE_URL, uploadDir: env().UPLOAD_DIR };
  if (command === "backup") {
    await backup(stores, file);
    console.log(`Sauvegarde écrite : ${file} (base) et ${uploadsArchiveOf(file)} (pièces jointes).`);
  } else {
    await restore(stores, file);
    console.log(`Restauration terminée depuis ${file} et ${uploadsArchiveOf(file)}.`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
