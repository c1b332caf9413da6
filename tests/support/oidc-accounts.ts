/**
 * Sets (or replaces) an account's claims on the running test provider (tests/support/oidc-provider.ts): a
 * PUT /test/accounts/{sub} with the claims as JSON. Apart from the provider so test files need not load it.
 */
export async function setOidcAccount(issuer: string, sub: string, claims: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${issuer}/test/accounts/${encodeURIComponent(sub)}`, { method: "PUT", body: JSON.stringify(claims) });
  if (response.status !== 204) throw new Error(`The test provider refused the account (${response.status})`);
}
