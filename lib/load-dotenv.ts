import { loadEnvConfig } from "@next/env";

/** Node entry points outside Next (worker, migrations, seed) read .env files the way Next does. */
loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
