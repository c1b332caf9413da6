import { expect, test } from "vitest";
import { startedStream } from "./started-stream";

const bytes = (text: string) => new TextEncoder().encode(text);

async function* chunks(parts: string[], failAfter?: number): AsyncGenerator<Uint8Array> {
  for (const [index, part] of parts.entries()) {
    if (index === failAfter) throw new Error("the database went away");
    yield bytes(part);
  }
}

test("every chunk, in order, then a clean end", async () => {
  const response = new Response(await startedStream(chunks(["name;class\r\n", "pc-1;pc\r\n", "pc-2;pc\r\n"])));
  expect(await response.text()).toBe("name;class\r\npc-1;pc\r\npc-2;pc\r\n");
});

test("a failure before the first chunk rejects at once: the route can still answer an error, not a 200", async () => {
  await expect(startedStream(chunks(["name;class\r\n"], 0))).rejects.toThrow("the database went away");
});

test("a failure midway errors the body: a client reading the Response gets the first chunks, then an error, never a clean end", async () => {
  const response = new Response(await startedStream(chunks(["name;class\r\n", "pc-1;pc\r\n", "pc-2;pc\r\n"], 2)));
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let received = "";
  const read = async (): Promise<void> => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      received += decoder.decode(value);
    }
  };
  await expect(read()).rejects.toThrow("the database went away");
  expect(received).toBe("name;class\r\npc-1;pc\r\n");

  const again = new Response(await startedStream(chunks(["name;class\r\n", "pc-1;pc\r\n"], 1)));
  await expect(again.text()).rejects.toThrow();
});

test("a client that stops reading ends the source", async () => {
  let closed = false;
  async function* endless(): AsyncGenerator<Uint8Array> {
    try {
      for (;;) yield bytes("row\r\n");
    } finally {
      closed = true;
    }
  }
  const stream = await startedStream(endless());
  const reader = stream.getReader();
  await reader.read();
  await reader.cancel();
  expect(closed).toBe(true);
});
