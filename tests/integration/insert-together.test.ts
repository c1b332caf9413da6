import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { database } from "@/db/client";
import { insertTogether } from "@/db/queries/insert-together";
import { establishments, zones } from "@/db/schema";
import { useOwnDatabase } from "../support/own-database";

let drop: () => Promise<void>;
beforeAll(async () => {
  drop = await useOwnDatabase("insert-together");
});
afterAll(() => drop());

const zone = (code: string) => ({ id: randomUUID(), code, name: `Zone ${code}` });
const school = (zoneId: string, uai: string) => ({ uai, type: "LYC", name: `Lycée ${uai}`, city: "Tours", departement: "37", zoneId });

describe("INSERTs written as one statement", () => {
  test("a row refers to one written beside it, and the RETURNING rows are the chosen insert's", async () => {
    const db = database();
    const parent = zone("TOGETHER-1");
    const rows = await insertTogether<{ uai: string }>(
      db,
      [db.insert(zones).values(parent)],
      db
        .insert(establishments)
        .values([school(parent.id, "0370001A"), school(parent.id, "0370002B")])
        .returning({ uai: establishments.uai }),
    );
    expect(rows.map((row) => row.uai).sort()).toEqual(["0370001A", "0370002B"]);
    const written = await db.select({ uai: establishments.uai }).from(establishments).where(eq(establishments.zoneId, parent.id));
    expect(written).toHaveLength(2);
  });

  test("without a RETURNING insert, every insert is written (a null is an INSERT with no rows) and nothing is returned", async () => {
    const db = database();
    const first = zone("TOGETHER-2");
    const second = zone("TOGETHER-3");
    expect(await insertTogether(db, [db.insert(zones).values(first), null, db.insert(zones).values(second)], null)).toEqual([]);
    const written = await db
      .select({ code: zones.code })
      .from(zones)
      .where(inArray(zones.id, [first.id, second.id]));
    expect(written.map((row) => row.code).sort()).toEqual(["TOGETHER-2", "TOGETHER-3"]);
  });

  test("one refused insert leaves none of the others written", async () => {
    const db = database();
    const parent = zone("TOGETHER-4");
    // A school of a zone that exists nowhere: its foreign key fails at the end of the statement.
    await expect(
      insertTogether(db, [db.insert(zones).values(parent), db.insert(establishments).values(school(randomUUID(), "0370003C"))]),
    ).rejects.toMatchObject({ cause: { code: "23503" } });
    expect(await db.select().from(zones).where(eq(zones.id, parent.id))).toEqual([]);
    expect(await db.select().from(establishments).where(eq(establishments.uai, "0370003C"))).toEqual([]);
  });
});
