import { invalidRequest, notFound, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute, jsonBody } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { encodeCursor } from "@/lib/schemas/cursor";
import { createUserSchema, listUsersQuery } from "@/lib/schemas/users";
import { accountJson } from "@/lib/services/accounts/account-json";
import { createAccount } from "@/lib/services/accounts/create-account";
import { findAccounts } from "@/lib/services/accounts/find-accounts";
import { readAccount } from "@/lib/services/accounts/read-account";
import { auditActor } from "@/lib/services/audit/audit-actor";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/users?q=&role=&establishment=&zone=&team=&disabled=&cursor=&limit= → {items, nextCursor}, by name.
 * Admins find every account, a head their schools' staff; anyone else 403.
 */
export const GET = apiRoute(async (request: Request) => {
  const query = listUsersQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidRequest(query.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const { cursor, limit, ...filters } = query.data;
  const page = await findAccounts(caller, { filters, after: cursor, limit });
  if (!page.ok) return problemFromFailure(page.failure);
  return Response.json({ items: page.value.items.map(accountJson), nextCursor: page.value.next ? encodeCursor(page.value.next) : null });
});

/** POST /api/v1/users → 201 with the account as GET /users/{id} returns it; its person is mailed an invitation. */
export const POST = apiRoute(async (request: Request) => {
  const parsed = createUserSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const created = await createAccount(caller, parsed.data, new Date(), auditActor(request.headers, caller));
  if (!created.ok) return problemFromFailure(created.failure);
  const account = await readAccount(caller, created.value.id);
  if (!account.ok) return notFound();
  return Response.json(accountJson(account.value), { status: 201, headers: { location: `/api/v1/users/${created.value.id}` } });
});
