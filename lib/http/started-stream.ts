/**
 * A download's body from its chunks, for a Response. The first chunk is produced before the stream is handed
 * over, so a failure there (the first query) rejects here and the route answers an error instead of a 200.
 * A failure after that errors the stream: the server then cuts the connection without ending the chunked body,
 * so the client sees a broken transfer, never a file that merely looks shorter.
 */
export async function startedStream(chunks: AsyncIterable<Uint8Array>): Promise<ReadableStream<Uint8Array>> {
  const iterator = chunks[Symbol.asyncIterator]();
  let pending: IteratorResult<Uint8Array> | null = await iterator.next();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = pending ?? (await iterator.next());
      pending = null;
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
