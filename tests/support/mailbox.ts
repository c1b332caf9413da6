import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export type CapturedMessage = { to: string[]; subject: string; text: string };

/** The e-mails the test SMTP server has written so far (one JSON file each). */
export async function readMailbox(dir: string): Promise<CapturedMessage[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith(".json"));
  return Promise.all(files.map(async (name) => JSON.parse(await readFile(path.join(dir, name), "utf8")) as CapturedMessage));
}
