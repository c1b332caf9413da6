import "@/lib/load-dotenv";
import { closeDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { closeRedis } from "@/lib/redis";
import { startWorkers } from "./start";

async function main() {
  env();
  const close = await startWorkers();
  let stopping = false;
  // SIGTERM (deploys, docker stop): let running jobs finish, then close connections.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, "worker stopping");
      close()
        .then(() => closeDatabase())
        .then(() => closeRedis())
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          logger.error({ err: error }, "worker did not stop cleanly");
          process.exit(1);
        });
    });
  }
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "worker failed to start");
  process.exit(1);
});
