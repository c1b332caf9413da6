import { and, asc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishments, staffFunctions, userEstablishments, users } from "@/db/schema";
import type { CallContact } from "@/lib/domain/phone-calls";

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/** What the on-behalf rule needs of the named requester; null when there is no such account. */
export async function callContact(db: Executor, userId: string): Promise<(CallContact & { name: string; email: string }) | null> {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return null;
  const links = await db
    .select({ establishmentId: userEstablishments.establishmentId })
    .from(userEstablishments)
    .where(eq(userEstablishments.userId, userId));
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    disabled: row.disabledAt !== null,
    establishmentIds: links.map((link) => link.establishmentId),
  };
}

/**
 * A school's active staff a caller may be, searched by name, function or phone (digits only, so "02 47…" finds
 * "0247…"), or the one with `id`; heads first, then by name. At most `limit`.
 */
export function searchSchoolContacts(
  db: Executor,
  establishmentId: string,
  { q, id, limit = 20 }: { q?: string; id?: string; limit?: number },
) {
  const text = q?.trim() ?? "";
  const digits = text.replace(/\D/g, "");
  const matches = text
    ? or(
        ilike(users.name, likePattern(text)),
        ilike(staffFunctions.label, likePattern(text)),
        digits.length >= 2 ? sql`regexp_replace(coalesce(${users.phone}, ''), '\\D', '', 'g') like ${`%${digits}%`}` : undefined,
      )
    : undefined;
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      phone: users.phone,
      role: users.role,
      functionLabel: staffFunctions.label,
    })
    .from(users)
    .innerJoin(userEstablishments, eq(userEstablishments.userId, users.id))
    .leftJoin(staffFunctions, eq(staffFunctions.code, users.functionCode))
    .where(
      and(
        eq(userEstablishments.establishmentId, establishmentId),
        isNull(users.disabledAt),
        inArray(users.role, ["requester", "manager"]),
        matches,
        id ? eq(users.id, id) : undefined,
      ),
    )
    .orderBy(sql`${users.role} = 'manager' desc`, asc(users.name), asc(users.id))
    .limit(limit);
}

/** Schools by name, UAI or town for the call's first step, within `zoneIds` when given (null: every zone); at most `limit`, by name. */
export function searchSchools(db: Executor, q: string, zoneIds: string[] | null, limit = 20) {
  const text = q.trim();
  return db
    .select({
      id: establishments.id,
      uai: establishments.uai,
      name: establishments.name,
      city: establishments.city,
      zoneId: establishments.zoneId,
    })
    .from(establishments)
    .where(
      and(
        zoneIds ? (zoneIds.length ? inArray(establishments.zoneId, zoneIds) : sql`false`) : undefined,
        or(
          ilike(establishments.name, likePattern(text)),
          ilike(establishments.uai, likePattern(text)),
          ilike(establishments.city, likePattern(text)),
        ),
      ),
    )
    .orderBy(asc(establishments.name), asc(establishments.id))
    .limit(limit);
}
