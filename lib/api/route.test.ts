import { expect, test } from "vitest";
import { apiRoute, jsonBody, JSON_BODY_LIMIT } from "./route";

type Problem = { status: number; title: string; detail?: string; errors?: Array<{ field: string; message: string }> };

/** A body that says how much of it was pulled, and whether the route dropped it. */
function trackedBody(totalBytes: number, chunkBytes = 64 * 1024) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= totalBytes) return controller.close();
        const size = Math.min(chunkBytes, totalBytes - state.pulled);
        state.pulled += size;
        // A JSON string of spaces: valid JSON whatever its length.
        const chunk = new Uint8Array(size).fill(0x20);
        if (state.pulled === size) chunk[0] = 0x22;
        if (state.pulled >= totalBytes) chunk[size - 1] = 0x22;
        controller.enqueue(chunk);
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  ); // pulled only when read, as a socket's body is
  return { stream, state };
}

const post = (body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}, query = "") =>
  new Request(`http://localhost/api/v1/things${query}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);

const echo = apiRoute(async (request: Request) => Response.json({ body: await jsonBody(request) }));
const small = apiRoute(async (request: Request) => Response.json({ body: await jsonBody(request) }), { maxBodyBytes: 1024 });

test("a body within the limit reaches the handler whole, streamed or not", async () => {
  const { stream } = trackedBody(JSON_BODY_LIMIT - 10);
  const answer = await echo(post(stream), {});
  expect(answer.status).toBe(200);
  expect(((await answer.json()) as { body: string }).body).toHaveLength(JSON_BODY_LIMIT - 12);
  expect(await (await small(post(JSON.stringify({ a: 1 })), {})).json()).toEqual({ body: { a: 1 } });
});

test("Content-Length over the limit: 413 problem+json, the body never read, the handler never called", async () => {
  let called = false;
  const route = apiRoute(
    async () => {
      called = true;
      return new Response(null, { status: 204 });
    },
    { maxBodyBytes: 16 * 1024 },
  );
  const { stream, state } = trackedBody(10 * 1024 * 1024);
  const answer = await route(post(stream, { "content-length": String(10 * 1024 * 1024) }), {});
  expect(answer.status).toBe(413);
  expect(answer.headers.get("content-type")).toBe("application/problem+json");
  const problem = (await answer.json()) as Problem;
  expect(problem).toMatchObject({ status: 413, title: "Requête trop volumineuse" });
  expect(problem.detail).toContain("16 Ko");
  expect(called).toBe(false);
  expect(state.pulled).toBeLessThanOrEqual(64 * 1024);
});

test("no Content-Length: counted while read, 413 once past the limit, and the rest of the upload is dropped", async () => {
  const { stream, state } = trackedBody(50 * 1024 * 1024);
  const answer = await echo(post(stream), {});
  expect(answer.status).toBe(413);
  expect(((await answer.json()) as Problem).detail).toContain("1 Mo");
  expect(state.cancelled).toBe(true);
  expect(state.pulled).toBeLessThan(JSON_BODY_LIMIT + 4 * 64 * 1024);
});

test("a handler that answers before reading (401) has not pulled a byte of the body", async () => {
  const route = apiRoute(async () => new Response(null, { status: 401 }));
  const { stream, state } = trackedBody(10 * 1024 * 1024);
  expect((await route(post(stream), {})).status).toBe(401);
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(state.pulled).toBe(0);
});

test("a body over the limit is 413 however the handler reads it (formData, arrayBuffer, text)", async () => {
  for (const read of [
    (request: Request) => request.arrayBuffer(),
    (request: Request) => request.text(),
    (request: Request) => request.formData(),
  ]) {
    const route = apiRoute(
      async (request: Request) => {
        await read(request);
        return new Response(null, { status: 204 });
      },
      { maxBodyBytes: 1024 },
    );
    const { stream } = trackedBody(8 * 1024);
    expect((await route(post(stream, { "content-type": "multipart/form-data; boundary=x" }), {})).status).toBe(413);
  }
});

test.each([
  ["?q=abc%00def", "q"],
  ["?zone=OUEST&room=A%0A1", "room"],
  ["?establishment=%7F", "establishment"],
])("a control character in the query string (%s) is 400 naming the parameter, before the handler", async (query, field) => {
  let called = false;
  const route = apiRoute(async () => {
    called = true;
    return new Response(null, { status: 204 });
  });
  const answer = await route(new Request(`http://localhost/api/v1/things${query}`), {});
  expect(answer.status).toBe(400);
  const problem = (await answer.json()) as Problem;
  expect(problem.errors).toEqual([{ field, message: expect.stringContaining("caractère de contrôle") }]);
  expect(problem.detail).toContain(`« ${field} »`);
  expect(called).toBe(false);
});
