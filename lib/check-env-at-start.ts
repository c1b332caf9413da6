import { ConfigurationError, env } from "./env";

try {
  env();
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error;
  console.error(error.message);
  process.exit(1);
}
