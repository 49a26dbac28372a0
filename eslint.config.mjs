import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/*
 * The layers, checked here rather than remembered (README, "Layout"):
 *   app/, components/  ->  lib/action, lib/auth  ->  lib/dal  ->  db/
 *   and beside them, pure: lib/policies (access rules), lib/security (sign-in
 *   rules), lib/<feature>/ (domain rules), lib/domain (shared vocabulary, a leaf).
 * Only the data-access layer opens the database; access rules stay pure.
 */
const DB = { group: ["@/db", "@/db/*", "**/db", "**/db/*"], message: "Only lib/dal/ reaches the database; import types from lib/domain/." };
const CONNECTION = { name: "@/db", message: "Only lib/dal/ opens the database connection." };
const DAL = { group: ["@/lib/dal", "@/lib/dal/*", "**/dal/*"], message: "Access rules are pure: the DAL asks them, never the other way round." };
const AUTH_GLUE = { group: ["@/lib/auth", "@/lib/auth/*"], message: "lib/auth (Auth.js and the session) sits above the DAL: the DAL takes the viewer as an argument. Pure sign-in rules live in lib/security/." };

const restrict = (files, paths, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { "no-restricted-imports": ["error", { paths, patterns }] },
});

const TESTS = ["**/*.test.ts", "**/*.test.tsx"];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".next-analyze/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"] },
  restrict(["app/**", "components/**"], [], [DB]),
  restrict(["lib/**"], [CONNECTION], [], ["lib/dal/**", "lib/test/**", ...TESTS]),
  restrict(["lib/policies/**"], [], [DAL, DB]),
  restrict(["lib/dal/**"], [], [AUTH_GLUE]),
  restrict(["lib/security/**", "lib/storage/**", "lib/mail/**", "lib/notifications/**", "lib/pdf/**"], [], [DAL, DB, AUTH_GLUE]),
  restrict(["db/**"], [], [DAL, AUTH_GLUE, { group: ["@/lib/action"], message: "db/ is the bottom layer: schema, connection, migrations and seed data." }], TESTS),
  restrict(["lib/domain/**"], [], [{ group: ["@/*", "../*"], message: "lib/domain/ is a leaf: it imports nothing of ours." }]),
  restrict(["components/ui/**"], [], [DAL, { group: ["@/lib/auth", "@/lib/auth/*"], message: "UI primitives are presentational." }]),
];

export default config;
