import "@/lib/load-dotenv";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { migrateDatabase } from "./migrator";

migrateDatabase(env().DATABASE_URL)
  .then(() => logger.info("migrations applied"))
  .catch((error: unknown) => {
    logger.fatal({ err: error }, "migration failed");
    process.exit(1);
  });
