import { database } from "@/db/client";
import { recordedIdempotencyKey } from "@/db/queries/idempotency-keys";
import type { Caller } from "@/lib/domain/caller";
import { IDEMPOTENCY_WINDOW_MS, idempotencyKeyOf, requestFingerprint } from "@/lib/http/idempotency-key";
import { IdempotencyKeyTaken, type IdempotencyClaim } from "@/lib/services/idempotency/idempotency-keys";
import { problem } from "./problem";

type Recorded = Record<string, unknown>;
type Handlers = {
  /** Creates, recording the result under the claim (when there is one) in the creation's transaction. */
  create: (claim: IdempotencyClaim | undefined) => Promise<Response>;
  /** The answer to a retry, from what the first request recorded. */
  replay: (recorded: Recorded) => Promise<Response>;
};

const REPLAYED = "idempotent-replayed";

async function answerRecorded(claim: IdempotencyClaim, now: Date, replay: Handlers["replay"]): Promise<Response | null> {
  const recorded = await recordedIdempotencyKey(database(), claim.userId, claim.key, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS));
  if (!recorded) return null;
  if (recorded.fingerprint !== claim.fingerprint) {
    return problem(422, "errors.api.idempotencyKeyReused", { detail: "errors.api.idempotencyKeyReusedDetail" });
  }
  const response = await replay(recorded.result as Recorded);
  response.headers.set(REPLAYED, "true");
  return response;
}

/**
 * A creating call honouring `Idempotency-Key`: without it, `create` runs as always; with it, a retry within
 * 24 h answers what the first call created (marked `Idempotent-Replayed: true`) and creates nothing; the same
 * key with another request is 422. A retry racing the original loses in the database and is answered the same.
 */
export async function idempotent(request: Request, caller: Caller, operation: string, input: unknown, handlers: Handlers) {
  const header = idempotencyKeyOf(request.headers);
  if (header.kind === "absent") return handlers.create(undefined);
  if (header.kind === "malformed") return problem(400, "errors.api.invalid", { detail: "errors.api.idempotencyKeyMalformed" });
  const claim = { userId: caller.id, key: header.key, fingerprint: requestFingerprint(operation, input) };
  const now = new Date();
  const earlier = await answerRecorded(claim, now, handlers.replay);
  if (earlier) return earlier;
  try {
    return await handlers.create(claim);
  } catch (error) {
    if (!(error instanceof IdempotencyKeyTaken)) throw error;
    return (await answerRecorded(claim, new Date(), handlers.replay)) ?? problem(409, "errors.api.conflict");
  }
}
