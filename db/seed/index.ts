import "@/lib/load-dotenv";
import { closeDatabase, database } from "@/db/client";
import { logger } from "@/lib/logger";
import { seed } from "./seed";

// `npm run db:seed` loads the demo data; `npm run db:seed -- --reference-only` is for production.
const demo = !process.argv.includes("--reference-only");

seed(database(), { demo })
  .then(() => logger.info({ demo }, "seed loaded"))
  .catch((error: unknown) => {
    logger.fatal({ err: error }, "seed failed");
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
