import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { freePort } from "./app-server";

/**
 * PostgreSQL and Redis instances of a test's own, on ports of their own, that it may stop, flush and restart: the
 * shared servers on 5432 and 6379 are never touched. PostgreSQL runs as the `postgres` system account when this
 * process is root (initdb refuses root), with trust authentication on 127.0.0.1.
 */

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

function asPostgres(command: string, args: string[]): { file: string; args: string[] } {
  const full = path.join(PG_BIN, command);
  return process.getuid?.() === 0 ? { file: "runuser", args: ["-u", "postgres", "--", full, ...args] } : { file: full, args };
}

function run(command: string, args: string[]): void {
  const { file, args: all } = asPostgres(command, args);
  execFileSync(file, all, { stdio: ["ignore", "pipe", "pipe"] });
}

export type PrivatePostgres = {
  port: number;
  /** `postgres://postgres@127.0.0.1:<port>/<database>` */
  url: (database: string) => string;
  /** Stops the server (fast shutdown: open connections are cut, as in a crash of the connection). */
  stop: () => void;
  start: () => void;
  /** Restarts it (stop, then start). */
  restart: () => void;
  destroy: () => void;
};

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const port = await freePort();
  const root = mkdtempSync(path.join(os.tmpdir(), "guichet-private-pg-"));
  const data = path.join(root, "data");
  const log = path.join(root, "server.log");
  if (process.getuid?.() === 0) {
    const owner = execFileSync("id", ["-u", "postgres"]).toString().trim();
    const group = execFileSync("id", ["-g", "postgres"]).toString().trim();
    chownSync(root, Number(owner), Number(group));
  }
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=32MB -c max_connections=100`;
  const start = () => run("pg_ctl", ["-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"]);
  const stop = () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]);
  start();
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop,
    start,
    restart: () => {
      stop();
      start();
    },
    destroy: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export type PrivateRedis = {
  port: number;
  url: string;
  /** FLUSHALL: every key gone, as after a Redis lost without persistence. */
  flush: () => Promise<void>;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  restart: () => Promise<void>;
  destroy: () => Promise<void>;
};

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const ready = async () => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on("error", () => undefined); // not up yet: the loop tries again
      try {
        await probe.connect();
        await probe.ping();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        probe.disconnect();
      }
    }
  };
  const start = async () => {
    // No persistence: a restart comes back empty, the worst case the app must survive.
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    await ready();
  };
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    running.kill("SIGTERM");
    await exited;
  };
  await start();
  return {
    port,
    url,
    flush: async () => {
      const client = new Redis(url);
      try {
        await client.flushall();
      } finally {
        client.disconnect();
      }
    },
    stop,
    start,
    restart: async () => {
      await stop();
      await start();
    },
    destroy: stop,
  };
}
