import { describe, expect, test } from "vitest";
import { ConfigurationError, parseEnv } from "./env";

const valid = {
  DATABASE_URL: "postgres://postgres@127.0.0.1:5432/guichet",
  REDIS_URL: "redis://127.0.0.1:6379",
  APP_URL: "http://localhost:3000",
  AUTH_SECRET: "short-dev-secret",
  SMTP_URL: "smtp://127.0.0.1:1025",
  MAIL_FROM: "Guichet <no-reply@guichet.test>",
  UPLOAD_DIR: "./uploads",
};

function problemsWith(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/^Configuration invalide/);
    return (error as ConfigurationError).variables;
  }
}

describe("parseEnv", () => {
  test("mail in: off by default; mailbox URLs, poll interval, IDLE and reply address when given", () => {
    expect(parseEnv(valid)).toMatchObject({
      MAIL_IN_URL: [],
      MAIL_IN_POLL_SECONDS: 60,
      MAIL_IN_IDLE: false,
    });
    expect(parseEnv(valid).MAIL_IN_REPLY_ADDRESS).toBeUndefined();
    const parsed = parseEnv({
      ...valid,
      MAIL_IN_URL: "imaps://guichet:secret@imap.region.fr/INBOX",
      MAIL_IN_POLL_SECONDS: "30",
      MAIL_IN_IDLE: "true",
      MAIL_IN_REPLY_ADDRESS: "guichet@region.fr",
    });
    expect(parsed.MAIL_IN_URL).toEqual([expect.objectContaining({ host: "imap.region.fr", port: 993, user: "guichet", folder: "INBOX" })]);
    expect(parsed).toMatchObject({ MAIL_IN_POLL_SECONDS: 30, MAIL_IN_IDLE: true, MAIL_IN_REPLY_ADDRESS: "guichet@region.fr" });
    expect(problemsWith({ ...valid, MAIL_IN_URL: "http://guichet:secret@imap.region.fr" })).toEqual(["MAIL_IN_URL"]);
    expect(problemsWith({ ...valid, MAIL_IN_POLL_SECONDS: "1" })).toEqual(["MAIL_IN_POLL_SECONDS"]);
    expect(problemsWith({ ...valid, MAIL_IN_REPLY_ADDRESS: "guichet" })).toEqual(["MAIL_IN_REPLY_ADDRESS"]);
  });

  test("accepts the documented defaults and fills PORT", () => {
    const parsed = parseEnv(valid);
    expect(parsed).toMatchObject({ PORT: 3000, NODE_ENV: "development", REDIS_PREFIX: "guichet", AUDIT_RETENTION_DAYS: 365 });
    expect(parsed.OIDC_ISSUER).toBeUndefined();
  });

  test("no replica by default (the dashboards read the primary); an empty DATABASE_REPLICA_URL is none", () => {
    expect(parseEnv(valid).DATABASE_REPLICA_URL).toBeUndefined();
    expect(parseEnv(valid).DATABASE_REPLICA_LAG_SECONDS).toBe(60);
    expect(parseEnv({ ...valid, DATABASE_REPLICA_URL: "" }).DATABASE_REPLICA_URL).toBeUndefined();
    expect(parseEnv({ ...valid, DATABASE_REPLICA_URL: "postgres://reader@replica:5432/guichet" }).DATABASE_REPLICA_URL).toBe(
      "postgres://reader@replica:5432/guichet",
    );
  });

  test.each([
    ["a missing DATABASE_URL", { DATABASE_URL: undefined }, ["DATABASE_URL"]],
    ["a MySQL URL", { DATABASE_URL: "mysql://x/y" }, ["DATABASE_URL"]],
    ["a bad REDIS_URL", { REDIS_URL: "localhost:6379" }, ["REDIS_URL"]],
    ["a replica that is not PostgreSQL", { DATABASE_REPLICA_URL: "mysql://replica/guichet" }, ["DATABASE_REPLICA_URL"]],
    ["a replica lag of zero seconds", { DATABASE_REPLICA_LAG_SECONDS: "0" }, ["DATABASE_REPLICA_LAG_SECONDS"]],
    ["a port out of range", { PORT: "70000" }, ["PORT"]],
    ["a short secret in production", { NODE_ENV: "production" }, ["AUTH_SECRET"]],
    ["half an OIDC configuration", { OIDC_ISSUER: "https://sso.ac-test.fr" }, ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]],
    ["a retention of zero days", { AUDIT_RETENTION_DAYS: "0" }, ["AUDIT_RETENTION_DAYS"]],
    ["a retention that is not a number of days", { AUDIT_RETENTION_DAYS: "un an" }, ["AUDIT_RETENTION_DAYS"]],
    [
      "the secret of .env.example in production",
      { NODE_ENV: "production", AUTH_SECRET: "dev-only-secret-change-me-0123456789abcdef" },
      ["AUTH_SECRET"],
    ],
    [
      "the old docker-compose secret in production",
      { NODE_ENV: "production", AUTH_SECRET: "demo-only-insecure-secret-change-me-0123456789abcdef" },
      ["AUTH_SECRET"],
    ],
    ["a host name among the trusted proxies", { TRUSTED_PROXIES: "10.0.0.0/8, proxy.local" }, ["TRUSTED_PROXIES"]],
    ["a function map that is not JSON", { OIDC_FUNCTION_MAP: "DIR=manager" }, ["OIDC_FUNCTION_MAP"]],
    ["a function map giving a technician", { OIDC_FUNCTION_MAP: '{"DIR": {"role": "technician"}}' }, ["OIDC_FUNCTION_MAP"]],
    ["a weekly report on day 8", { WEEKLY_REPORT_DAY: "8" }, ["WEEKLY_REPORT_DAY"]],
    ["a weekly report on « vendredi »", { WEEKLY_REPORT_DAY: "vendredi" }, ["WEEKLY_REPORT_DAY"]],
    ["a weekly report at 16h", { WEEKLY_REPORT_TIME: "16h" }, ["WEEKLY_REPORT_TIME"]],
    ["a weekly report at 24:00", { WEEKLY_REPORT_TIME: "24:00" }, ["WEEKLY_REPORT_TIME"]],
    ["two things wrong at once", { APP_URL: "ftp://x", SMTP_URL: "http://mail" }, ["APP_URL", "SMTP_URL"]],
  ])("names the variable for %s", (_, change, names) => {
    expect(problemsWith({ ...valid, ...change }).sort()).toEqual(names);
  });

  test("SMTP_URL is optional: unset or empty means no SMTP server", () => {
    expect([parseEnv({ ...valid, SMTP_URL: undefined }).SMTP_URL, parseEnv({ ...valid, SMTP_URL: "" }).SMTP_URL]).toEqual([
      undefined,
      undefined,
    ]);
  });

  test("the weekly report goes out on Friday at 16:00 unless told otherwise", () => {
    expect(parseEnv(valid)).toMatchObject({ WEEKLY_REPORT_DAY: 5, WEEKLY_REPORT_TIME: "16:00" });
    expect(parseEnv({ ...valid, WEEKLY_REPORT_DAY: "4", WEEKLY_REPORT_TIME: "09:30" })).toMatchObject({
      WEEKLY_REPORT_DAY: 4,
      WEEKLY_REPORT_TIME: "09:30",
    });
  });

  test("AUDIT_RETENTION_DAYS is read as a number of days", () => {
    expect(parseEnv({ ...valid, AUDIT_RETENTION_DAYS: "180" }).AUDIT_RETENTION_DAYS).toBe(180);
  });

  test("a 32-character secret passes in production; empty OIDC values count as unset", () => {
    expect(
      parseEnv({ ...valid, NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), OIDC_ISSUER: "", OIDC_CLIENT_ID: " " }).OIDC_ISSUER,
    ).toBeUndefined();
  });

  test("OIDC claims: defaults, then the configured names and function table", () => {
    expect(parseEnv(valid)).toMatchObject({
      OIDC_CLAIM_EMAIL: "email",
      OIDC_CLAIM_UAI: "uai",
      OIDC_CLAIM_FUNCTION: "fonction",
      OIDC_FUNCTION_MAP: { DIR: { role: "manager", functionCode: "chef_etablissement" } },
    });
    const parsed = parseEnv({
      ...valid,
      OIDC_CLAIM_UAI: "ENTPersonStructRattachRNE",
      OIDC_FUNCTION_MAP: '{"DIR": {"role": "manager", "function": "chef_etablissement"}, "DOC": {"role": "requester"}}',
    });
    expect(parsed.OIDC_CLAIM_UAI).toBe("ENTPersonStructRattachRNE");
    expect(parsed.OIDC_FUNCTION_MAP).toEqual({
      DIR: { role: "manager", functionCode: "chef_etablissement" },
      DOC: { role: "requester", functionCode: null },
    });
  });

  test("the published secrets still serve development and tests", () => {
    expect(parseEnv({ ...valid, AUTH_SECRET: "dev-only-secret-change-me-0123456789abcdef" }).AUTH_SECRET).toBe(
      "dev-only-secret-change-me-0123456789abcdef",
    );
  });

  test("TRUSTED_PROXIES: none by default, else the listed ranges", () => {
    expect(parseEnv(valid).TRUSTED_PROXIES.check("127.0.0.1", "ipv4")).toBe(false);
    const trusted = parseEnv({ ...valid, TRUSTED_PROXIES: "10.0.0.0/8,::1" }).TRUSTED_PROXIES;
    expect([trusted.check("10.2.3.4", "ipv4"), trusted.check("::1", "ipv6"), trusted.check("11.0.0.1", "ipv4")]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
