import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "vitest";

export type CapturedMessage = { to: string[]; subject: string; text: string };

/** The e-mails the test SMTP server has written so far (one JSON file each). */
export async function readMailbox(dir: string): Promise<CapturedMessage[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith(".json"));
  return Promise.all(files.map(async (name) => JSON.parse(await readFile(path.join(dir, name), "utf8")) as CapturedMessage));
}

/** The first captured e-mail that matches, once the worker has sent it through the outbox (polled, never a fixed wait). */
export async function waitForMail(dir: string, match: (mail: CapturedMessage) => boolean, timeout = 20_000): Promise<CapturedMessage> {
  await expect.poll(async () => (await readMailbox(dir)).some(match), { timeout, interval: 500 }).toBe(true);
  return (await readMailbox(dir)).find(match)!;
}
