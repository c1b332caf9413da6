import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/** `npm run start`'s command (node, its V8 flags, server.mjs): tests and benches start the app as it is served. */
const START_COMMAND = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start.split(" ");

// Ports this process handed out: the kernel may give a just-released port again, and two servers of one run
// (the app, the test OpenID provider, the SMTP capture) must never be handed the same one.
const handedOut = new Set<number>();

function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function freePort(): Promise<number> {
  for (;;) {
    const port = await unusedPort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

/** Starts the BullMQ worker process (`npm run worker`) with the given environment. tsx relays signals and exits with the worker's code. */
export function startWorker(environment: Record<string, string>): ChildProcess {
  const child = spawn("node_modules/.bin/tsx", ["workers/index.ts"], {
    env: { ...process.env, ...environment, GUICHET_PROCESS: "worker" },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  return child;
}

/** Starts the built app as production does (server.mjs, `npm run start`) and waits until /api/health answers 200. */
export async function startApp(environment: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(START_COMMAND[0]!, START_COMMAND.slice(1), {
    env: { ...process.env, ...environment, NODE_ENV: "production", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.status === 200) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopApp(child);
  throw new Error(`The app did not become healthy within 60 s:\n${output}`);
}

/** Stops a started process group and waits (10 s at most) until it has exited. */
export async function stopApp(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid, "SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
}
