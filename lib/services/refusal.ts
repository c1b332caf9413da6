import { database, type Executor } from "@/db/client";
import { fail, succeed, type ServiceFailure, type ServiceResult } from "./service-result";

/** Thrown inside a transaction to refuse the whole user action: nothing it wrote is kept. */
export class Refusal extends Error {
  constructor(readonly failure: ServiceFailure) {
    super("refused");
  }
}

/**
 * Refuses the action under way. A declared `never` function (not an arrow), so TypeScript knows the
 * path ends here and narrows what follows (`if (!row) refuse(…)` leaves `row` defined).
 */
export function refuse(failure: ServiceFailure): never {
  throw new Refusal(failure);
}

/**
 * Runs one user action in one transaction: a {@link Refusal} anywhere rolls it all back and comes back
 * as the failure; `translate` turns other known database errors into failures (else they are rethrown).
 */
export async function refusableTransaction<T>(
  run: (tx: Executor) => Promise<T>,
  translate: (error: unknown) => ServiceFailure | null = () => null,
): Promise<ServiceResult<T>> {
  try {
    return succeed(await database().transaction(run));
  } catch (error) {
    if (error instanceof Refusal) return fail(error.failure);
    const failure = translate(error);
    if (failure) return fail(failure);
    throw error;
  }
}
