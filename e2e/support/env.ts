import path from "node:path";

/* One place for the e2e server's settings, shared by the config, the server prep and the fixtures. */
// Overridable so two checkouts can run their suites side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? E2E_PORT + 1);
// The own-server project's server (sign-in bursts), the HTTPS proxy in front of it, and the crash test's server: well clear of the next checkout's E2E_PORT and OIDC port.
export const OWN_SERVER_PORT = Number(process.env.E2E_OWN_SERVER_PORT ?? E2E_PORT + 40);
export const TLS_PORT = OWN_SERVER_PORT + 1;
export const CRASH_PORT = OWN_SERVER_PORT + 2;
// Playwright and the helper scripts all run from the repository root.
export const E2E_DATA_DIR = path.resolve("e2e", ".data");
export const E2E_DB = path.join(E2E_DATA_DIR, "trellis.db");
export const SSO_EMAIL = "sso.person@example.com";
/* The password of everyone the specs create. */
export const TEST_PASSWORD = "e2e-password-123";

export const E2E_ENV: Record<string, string> = {
  TRELLIS_DATA_DIR: E2E_DATA_DIR,
  DATABASE_PATH: E2E_DB,
  OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
  OIDC_CLIENT_ID: "trellis-e2e",
  OIDC_CLIENT_SECRET: "trellis-e2e-secret",
  OIDC_NAME: "Mock SSO",
};

/*
 * A second server on the same build, over a fresh installation (the default
 * framework, one admin and one engineer, no demo data), for the specs that
 * publish framework versions: publishing changes what every other spec on
 * the demo server reads.
 */
export const FRESH_PORT = Number(process.env.E2E_FRESH_PORT ?? E2E_PORT + 1000);
export const FRESH_DATA_DIR = path.resolve("e2e", ".data-fresh");
export const FRESH_DB = path.join(FRESH_DATA_DIR, "trellis.db");
export const FRESH_ENV: Record<string, string> = { TRELLIS_DATA_DIR: FRESH_DATA_DIR, DATABASE_PATH: FRESH_DB };
export const FRESH_PEOPLE = {
  admin: { email: "fresh.admin@example.com", name: "Fran Fresh" },
  engineer: { email: "fresh.engineer@example.com", name: "Eli Fresh" },
} as const;
