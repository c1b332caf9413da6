import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { database, inlinedStatement, transactionEndedBy } from "@/db/client";
import { zones } from "@/db/schema";
import { useOwnDatabase } from "../support/own-database";

let drop: () => Promise<void>;
beforeAll(async () => {
  drop = await useOwnDatabase("transaction-ended-by");
});
afterAll(() => drop());

const zone = (code: string) => ({ id: randomUUID(), code, name: `Zone ${code}` });
const renamed = (id: string, name: string) => inlinedStatement(database().update(zones).set({ name }).where(eq(zones.id, id)));
const namesOf = async (ids: string[]) =>
  (await database().select({ id: zones.id, name: zones.name }).from(zones).where(inArray(zones.id, ids))).map((row) => row.name).sort();

describe("a transaction ended in the same message as its last write", () => {
  test("the work's writes and the last one are committed together, and the work's value returned", async () => {
    const first = zone("ENDED-1");
    const value = await transactionEndedBy(async (tx) => {
      await tx.insert(zones).values(first);
      // Not visible outside the transaction until its end.
      expect(await namesOf([first.id])).toEqual([]);
      return { value: "fini", end: `${renamed(first.id, "Zone renommée")}; COMMIT` };
    });
    expect(value).toBe("fini");
    expect(await namesOf([first.id])).toEqual(["Zone renommée"]);
  });

  test("a plain COMMIT ends it as well", async () => {
    const second = zone("ENDED-2");
    await transactionEndedBy(async (tx) => {
      await tx.insert(zones).values(second);
      return { value: null, end: "COMMIT" };
    });
    expect(await namesOf([second.id])).toEqual([second.name]);
  });

  test("work that throws leaves nothing written, and the error is the work's", async () => {
    const third = zone("ENDED-3");
    const refused = transactionEndedBy(async (tx) => {
      await tx.insert(zones).values(third);
      throw new Error("refusé en cours de route");
    });
    await expect(refused).rejects.toThrow("refusé en cours de route");
    expect(await namesOf([third.id])).toEqual([]);
  });

  test("a last write that fails skips its COMMIT: nothing of the work is written, and the pool goes on", async () => {
    const fourth = zone("ENDED-4");
    const taken = zone("ENDED-5");
    await database().insert(zones).values(taken);
    const refused = transactionEndedBy(async (tx) => {
      await tx.insert(zones).values(fourth);
      // The code is unique: the UPDATE fails, and PostgreSQL skips the rest of the message.
      return { value: null, end: `${inlinedStatement(tx.update(zones).set({ code: taken.code }).where(eq(zones.id, fourth.id)))}; COMMIT` };
    });
    await expect(refused).rejects.toThrow(/duplicate key/);
    expect(await namesOf([fourth.id])).toEqual([]);
    // Every connection of the pool is lent again afterwards: none was left in a transaction.
    const rows = await Promise.all(
      Array.from({ length: 12 }, () => database().select({ id: zones.id }).from(zones).where(eq(zones.id, taken.id))),
    );
    expect(rows.every((found) => found.length === 1)).toBe(true);
  });
});
