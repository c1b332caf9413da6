/** Runs once when the web server starts: a missing or bad variable stops it with the variable's name. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/check-env-at-start");
}
