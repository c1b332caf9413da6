import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 hashes with argon2id by default (OWASP parameters: 19 MiB, t=2, p=1).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when the account does not exist keeps both failures equally slow.
const UNKNOWN_ACCOUNT_HASH = "$argon2id$v=19$m=19456,t=2,p=1$s5aL9uNFTy+v7k6vFV7dfQ$ML4U3W/++l2biBo8oHs+xF6+mS+7tvPe7sezHQINrd0";

export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    const matches = await verify(storedHash ?? UNKNOWN_ACCOUNT_HASH, password);
    return matches && Boolean(storedHash);
  } catch {
    return false;
  }
}
