/** Runs once when the web server starts: a missing or bad variable stops it with the variable's name. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, ConfigurationError } = await import("./lib/env");
  try {
    env();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
