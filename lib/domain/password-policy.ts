/** Passwords are chosen by people: at least 12 characters, and none that a guesser tries first. */
export const PASSWORD_MIN_LENGTH = 12;
/** Hashing is deliberately slow: an unbounded input would let anyone spend the server's time. */
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Common passwords of 12 characters or more (from the most frequent in public breach lists, with French
 * ones and the school world's obvious choices), compared lower-case. Kept here rather than as a library's
 * dictionary: the length rule already refuses the short ones that make up most of those dictionaries.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "123456789012",
  "1234567890123",
  "12345678901234",
  "123456123456",
  "123123123123",
  "111111111111",
  "000000000000",
  "123412341234",
  "121212121212",
  "987654321987",
  "098765432109",
  "123456789abc",
  "abc123456789",
  "1q2w3e4r5t6y",
  "1qaz2wsx3edc",
  "qwertyuiopas",
  "qwertyuiop12",
  "qwertyuiop123",
  "qwerty123456",
  "qwertyqwerty",
  "azertyuiopqs",
  "azertyuiop12",
  "azertyuiop123",
  "azerty123456",
  "azertyazerty",
  "aqwzsxedcrfv",
  "a1z2e3r4t5y6",
  "1a2z3e4r5t6y",
  "motdepasse123",
  "motdepasse2024",
  "motdepasse2025",
  "motdepasse2026",
  "monmotdepasse",
  "motdepasse1234",
  "passwordpassword",
  "password1234",
  "password12345",
  "password123456",
  "password2024",
  "password2025",
  "password2026",
  "passw0rd1234",
  "p@ssw0rd1234",
  "iloveyou1234",
  "jetaime123456",
  "bonjour123456",
  "soleil123456",
  "chocolat1234",
  "marseille1234",
  "nicolas12345",
  "football1234",
  "doudou123456",
  "azerty123456789",
  "0123456789ab",
  "abcdefghijkl",
  "abcdef123456",
  "letmein12345",
  "welcome12345",
  "administrateur",
  "administrator",
  "administrateur1",
  "admin1234567",
  "changeme1234",
  "bienvenue123",
  "bienvenue1234",
  "guichet12345",
  "guichet2026!",
  "lycee1234567",
  "etablissement",
  "academie1234",
  "education1234",
  "professeur123",
  "enseignant123",
  "region123456",
  "demo-guichet-2026",
]);

export type PasswordProblem = "too_short" | "too_long" | "common" | "same_as_email";

/** Why a new password is refused, or null when it will do. */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return "too_short";
  if (password.length > PASSWORD_MAX_LENGTH) return "too_long";
  const lowered = password.toLowerCase();
  if (lowered === email.toLowerCase() || lowered === email.toLowerCase().split("@")[0]) return "same_as_email";
  // One character repeated, or a common password with a punctuation mark or two stuck on its end.
  if (new Set(lowered).size <= 2 || COMMON_PASSWORDS.has(lowered) || COMMON_PASSWORDS.has(lowered.replace(/[^a-z0-9]+$/u, "")))
    return "common";
  return null;
}
