import { ConfigurationError, env } from "./env";

function startUpProblem(): string | null {
  try {
    const config = env();
    // Only server.mjs tells the app the socket's address (see lib/auth/client-ip.ts); under a bare
    // `next start` a client could choose the address its sign-in failures are counted against.
    if (config.NODE_ENV === "production" && process.env.GUICHET_SERVER !== "server.mjs") {
      return "Démarrez Guichet avec `npm run start` (server.mjs) et non `next start` : lui seul transmet l'adresse du client.";
    }
    return null;
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    return error.message;
  }
}

const problem = startUpProblem();
if (problem) {
  console.error(problem);
  process.exit(1);
}
