// ESLint 9 flat config: Next's rules (core web vitals, React, hooks, a11y, import), typescript-eslint's
// recommended rules, and the import boundaries of ARCHITECTURE.md (they replace tests/unit/boundaries.test.ts).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** What the pure domain must not reach: the database, the framework, queues, Redis, the environment, Node's I/O. */
const IO_MODULES = [
  "@/db",
  "@/db/**",
  "@/lib/services",
  "@/lib/services/**",
  "@/lib/queue",
  "@/lib/queue/**",
  "@/lib/auth",
  "@/lib/auth/**",
  "@/lib/redis",
  "@/lib/env",
  "@/lib/logger",
  "../services/**",
  "../queue/**",
  "../auth/**",
  "../redis",
  "../env",
  "../logger",
  "../../db",
  "../../db/**",
  "next",
  "next/**",
  "next-auth",
  "next-auth/**",
  "next-intl",
  "next-intl/**",
  "react",
  "react-dom",
  "bullmq",
  "ioredis",
  "pg",
  "drizzle-orm",
  "drizzle-orm/**",
  "nodemailer",
  "pino",
  "node:*",
  "fs",
  "fs/**",
  "path",
  "child_process",
  "net",
  "http",
  "https",
  "crypto",
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", "next-env.d.ts", "uploads/**", "coverage/**", "test-results/**"]),
  {
    rules: {
      // The code base has none and keeps it that way (CONTRIBUTING.md).
      "@typescript-eslint/no-explicit-any": "error",
      // `_name` marks a value left out on purpose (a destructured field dropped, an unused parameter).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/no-unused-expressions": "error",
    },
  },
  {
    name: "guichet/domain-is-pure",
    files: ["lib/domain/**/*.ts", "lib/presentation/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: IO_MODULES, message: "lib/domain is pure (ARCHITECTURE.md): I/O belongs in lib/services or db/queries." }] },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "lib/domain takes the clock as a parameter (`now`).",
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "lib/domain takes the clock as a parameter (`now`).",
        },
      ],
    },
  },
  {
    name: "guichet/components-above-services",
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db", "@/db/**", "@/lib/services", "@/lib/services/**", "**/db/**", "**/lib/services/**"],
              message: "components/ never imports db/ or lib/services (ARCHITECTURE.md): a page loads the data and passes it down.",
            },
          ],
        },
      ],
    },
  },
  {
    name: "guichet/auth-above-services",
    files: ["lib/services/**/*.ts", "db/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/auth", "@/lib/auth/**", "**/lib/auth/**", "../auth/**", "../../auth/**"],
              message: "lib/auth sits above services (ARCHITECTURE.md): move what both need below it.",
            },
          ],
        },
      ],
    },
  },
  {
    // A select chained to `.for(...)` is a row lock taken before a write, so it stays beside that write;
    // a select used as a write's subquery is written inside the write or carries a disable saying so.
    name: "guichet/reads-in-db-queries",
    files: ["lib/services/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(select|selectDistinct|selectDistinctOn)$/]:not(CallExpression[callee.property.name='for'] *)",
          message: "Reads go in db/queries (ARCHITECTURE.md): write a function there taking an Executor and compose it here.",
        },
      ],
    },
  },
]);
