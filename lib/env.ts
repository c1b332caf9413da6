import { z } from "zod";
import { DEFAULT_AUDIT_RETENTION_DAYS } from "@/lib/domain/audit";
import { parseCidrList } from "./http/client-address";
import { parseMailboxUrls } from "./domain/mail-in-config";
import type { SsoFunction } from "./domain/sso-provisioning";
import type { IsoWeekday } from "./domain/business-calendar";

/**
 * The process environment, parsed once. Every entry point (web, worker, scripts)
 * calls `env()` before doing anything, so a missing or malformed variable stops
 * start-up with a message that names it.
 */
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/**
 * The AUTH_SECRET values shipped in .env.example and docker-compose.yml (before it required the variable):
 * anyone who read them could mint a session, so production refuses them.
 */
export const PUBLISHED_AUTH_SECRETS: readonly string[] = [
  "dev-only-secret-change-me-0123456789abcdef",
  "demo-only-insecure-secret-change-me-0123456789abcdef",
];

const DEFAULT_FUNCTION_MAP = '{"DIR": {"role": "manager", "function": "chef_etablissement"}}';
const functionMapSchema = z.record(
  z.string().min(1),
  z.object({ role: z.enum(["manager", "requester"]), function: z.string().min(1).optional() }).strict(),
);

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "doit être une URL postgres://" }),
    /** A streaming replica for dashboards and exports; absent, they read the primary. */
    DATABASE_REPLICA_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/, error: "doit être une URL postgres://" }).optional()),
    /** The replica lag the Région accepts, stated on the dashboards when a replica is set. */
    DATABASE_REPLICA_LAG_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: "doit être une URL redis://" }),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z.url({ protocol: /^https?$/, error: "doit être une URL http(s)://" }),
    AUTH_SECRET: z.string().min(1, "est obligatoire"),
    /** Absent: no SMTP server; the worker keeps every e-mail in the outbox, readable in /admin/courriels. */
    SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/, error: "doit être une URL smtp://" }).optional()),
    MAIL_FROM: z.string().min(3, "est obligatoire"),
    UPLOAD_DIR: z.string().min(1, "est obligatoire"),
    OIDC_ISSUER: optionalText.pipe(z.url().optional()),
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    /** The scopes asked of the IdP; the claims below must come in its ID token. */
    OIDC_SCOPE: z.string().trim().min(1).default("openid email profile"),
    /** Which claim holds the e-mail, the name, the school UAIs (one or several) and the function. */
    OIDC_CLAIM_EMAIL: z.string().trim().min(1).default("email"),
    OIDC_CLAIM_NAME: z.string().trim().min(1).default("name"),
    OIDC_CLAIM_UAI: z.string().trim().min(1).default("uai"),
    OIDC_CLAIM_FUNCTION: z.string().trim().min(1).default("fonction"),
    /** JSON: function value → {role: "manager" | "requester", function: staff function code}; any other value opens a requester. */
    OIDC_FUNCTION_MAP: z
      .string()
      .default(DEFAULT_FUNCTION_MAP)
      .transform((value, ctx) => {
        const parsed = functionMapSchema.safeParse(parseJson(value));
        if (parsed.success) {
          return Object.fromEntries(
            Object.entries(parsed.data).map(([key, entry]) => [key, { role: entry.role, functionCode: entry.function ?? null }]),
          ) as Record<string, SsoFunction>;
        }
        ctx.addIssue({
          code: "custom",
          message:
            'doit être un objet JSON {"VALEUR": {"role": "manager" | "requester", "function": "code"}} (ex. {"DIR": {"role": "manager", "function": "chef_etablissement"}})',
        });
        return z.NEVER;
      }),
    /**
     * Mailboxes the worker reads (comma-separated imap:// or imaps:// URLs, user and password in the URL, folder as the
     * path; absent: no mail in). See lib/domain/mail-in-config.ts.
     */
    MAIL_IN_URL: optionalText.transform((value, ctx) => {
      if (!value) return [];
      const parsed = parseMailboxUrls(value);
      if (parsed.ok) return parsed.mailboxes;
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }),
    /** How often the worker looks for new mail; with MAIL_IN_IDLE it also wakes as soon as the server announces one. */
    MAIL_IN_POLL_SECONDS: z.coerce
      .number({ error: "doit être un nombre de secondes" })
      .int("doit être un nombre entier de secondes")
      .min(5, "doit valoir au moins 5")
      .max(3600, "doit valoir au plus 3600")
      .default(60),
    MAIL_IN_IDLE: z
      .enum(["true", "false", ""], { error: "doit valoir true ou false" })
      .default("false")
      .transform((value) => value === "true"),
    /**
     * The address replies reach (a mailbox of MAIL_IN_URL): ticket e-mails carry Reply-To: its local part + a signed token
     * (guichet+<token>@…), so the worker knows which ticket a reply is about. Absent: no Reply-To, replies found by In-Reply-To.
     */
    MAIL_IN_REPLY_ADDRESS: optionalText.pipe(z.email({ error: "doit être une adresse e-mail" }).optional()),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Namespace of every Redis key and queue, so parallel test runs never collide. */
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]+$/i)
      .default("guichet"),
    /** Days the audit trail keeps its rows; the worker purges older ones (CNIL: 6 to 12 months for access logs). */
    AUDIT_RETENTION_DAYS: z.coerce
      .number({ error: "doit être un nombre de jours" })
      .int("doit être un nombre entier de jours")
      .min(1, "doit valoir au moins 1")
      .default(DEFAULT_AUDIT_RETENTION_DAYS),
    /** The weekly activity report: ISO weekday (1 = Monday … 7 = Sunday) and Paris time; moved to the day before when that day is a public holiday. */
    WEEKLY_REPORT_DAY: z.coerce
      .number({ error: "doit être un jour de 1 (lundi) à 7 (dimanche)" })
      .int("doit être un jour de 1 (lundi) à 7 (dimanche)")
      .min(1, "doit être un jour de 1 (lundi) à 7 (dimanche)")
      .max(7, "doit être un jour de 1 (lundi) à 7 (dimanche)")
      .default(5)
      .transform((day) => day as IsoWeekday),
    WEEKLY_REPORT_TIME: z
      .string()
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "doit être une heure HH:MM (ex. 16:00)")
      .default("16:00"),
    /** Reverse proxies whose X-Forwarded-For is believed (comma-separated CIDRs); none by default. */
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .transform((value, ctx) => {
        const parsed = parseCidrList(value);
        if (parsed) return parsed;
        ctx.addIssue({
          code: "custom",
          message: "doit être une liste d'adresses ou de plages CIDR séparées par des virgules (ex. 10.0.0.0/8, ::1)",
        });
        return z.NEVER;
      }),
  })
  .superRefine((value, ctx) => {
    if (value.NODE_ENV === "production" && value.AUTH_SECRET.length < 32) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "doit compter au moins 32 caractères en production" });
    }
    if (value.NODE_ENV === "production" && PUBLISHED_AUTH_SECRETS.includes(value.AUTH_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "est une valeur d'exemple publiée avec Guichet ; générez-en une (openssl rand -base64 32)",
      });
    }
    const oidc = [value.OIDC_ISSUER, value.OIDC_CLIENT_ID, value.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const name of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!value[name]) ctx.addIssue({ code: "custom", path: [name], message: "est requis dès qu'une variable OIDC_* est définie" });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigurationError extends Error {
  constructor(
    public readonly variables: string[],
    message: string,
  ) {
    super(message);
    this.name = "ConfigurationError";
  }
}

/** Parses a given environment; pure, so it is unit-tested with plain objects. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "?");
    const message = issue.code === "invalid_type" && source[name] === undefined ? "est obligatoire" : issue.message;
    return { name, text: `${name} ${message}` };
  });
  throw new ConfigurationError(
    lines.map((line) => line.name),
    `Configuration invalide :\n${lines.map((line) => `  - ${line.text}`).join("\n")}`,
  );
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
