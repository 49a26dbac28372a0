import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/*
 * Environment, validated once. Everything has a working default so a first
 * start needs no hand-written configuration.
 */
const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  TRELLIS_DATA_DIR: z.string().min(1).default("data"),
  DATABASE_PATH: z.string().min(1).optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("Company SSO"),
  SESSION_IDLE_MINUTES: positiveInt.default(120),
  SESSION_MAX_HOURS: positiveInt.default(12),
  AUTH_URL: z.url().optional(),
  // Reverse proxies in front of Trellis that append to X-Forwarded-For; 0 means clients connect directly.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  OIDC_ALLOW_UNVERIFIED_EMAIL: z.enum(["true", "false"]).default("false"),
  // Email: unset means notifications stay in the app.
  SMTP_URL: z
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), "SMTP_URL must start with smtp:// or smtps://, like smtp://user:password@mail.example.com:587")
    .optional(),
  SMTP_FROM: z.string().trim().min(3).optional(),
  // The first retry's delay after a failed send; each later one doubles, up to 120 times this.
  SMTP_RETRY_SECONDS: positiveInt.default(30),
});

export type AppConfig = ReturnType<typeof loadConfig>;

export function loadConfig(env: Record<string, string | undefined>) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Trellis configuration is invalid:\n${problems}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(/* turbopackIgnore: true */ e.TRELLIS_DATA_DIR);
  const oidcConfigured = Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
  if (e.SMTP_URL && !e.SMTP_FROM) throw new Error("Trellis configuration is invalid:\n  SMTP_FROM: set the address email comes from (like \"Trellis <trellis@example.com>\") when SMTP_URL is set");
  // Emails are read away from any request, so their links can only come from the configured public address.
  if (e.SMTP_URL && !e.AUTH_URL) throw new Error("Trellis configuration is invalid:\n  AUTH_URL: set Trellis's public address when SMTP_URL is set; links in emails are built from it");
  return {
    dataDir,
    databasePath: path.resolve(/* turbopackIgnore: true */ e.DATABASE_PATH ?? path.join(dataDir, "trellis.db")),
    explicitAuthSecret: e.AUTH_SECRET,
    oidc: oidcConfigured
      ? { issuer: e.OIDC_ISSUER!, clientId: e.OIDC_CLIENT_ID!, clientSecret: e.OIDC_CLIENT_SECRET!, name: e.OIDC_NAME }
      : null,
    publicOrigin: e.AUTH_URL ? new URL(e.AUTH_URL).origin : null,
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    oidcAllowUnverifiedEmail: e.OIDC_ALLOW_UNVERIFIED_EMAIL === "true",
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SESSION_MAX_HOURS * 3_600_000,
    mail: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM!, retryBaseMs: e.SMTP_RETRY_SECONDS * 1000 } : null,
  };
}

let cached: AppConfig | undefined;
export function config(): AppConfig {
  cached ??= loadConfig(process.env);
  return cached;
}

/*
 * AUTH_SECRET from the environment, else one generated on first start and kept
 * in the data directory (mode 0600) so sessions survive restarts.
 */
export function authSecret(): string {
  const { explicitAuthSecret, dataDir } = config();
  if (explicitAuthSecret) return explicitAuthSecret;
  const file = path.join(dataDir, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(48).toString("base64url");
  try {
    // "wx": if two processes race on first start, the first one's secret wins.
    fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw error;
  }
}
