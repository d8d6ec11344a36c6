import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Factories and test code are not the app's (tests/unit/import-boundaries.test.ts checks every import).
const NO_FIXTURES = {
  group: [
    "@/prisma/factories",
    "@/prisma/factories/*",
    "**/prisma/factories",
    "**/prisma/factories/*",
    "@/tests/*",
    "**/tests/*",
  ],
  message: "Factories and test fixtures write without access rules or audit: never from the app (docs/decisions/011).",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
    },
  },
  {
    // Routes hold no data access: pages call lib/ functions, which apply lib/authz and lib/audit.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@/lib/db",
              message: "Use a lib/<domain> function: it applies lib/authz and writes the audit log.",
            },
          ],
          patterns: [NO_FIXTURES],
        },
      ],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}", "proxy.ts", "instrumentation.ts", "i18n/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_FIXTURES] }] },
  },
];

export default config;
