import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

describe("email configuration", () => {
  it("is off without SMTP_URL", () => {
    expect(loadConfig({}).mail).toBeNull();
  });

  it("needs a from address and AUTH_URL beside SMTP_URL, and says which is missing", () => {
    expect(() => loadConfig({ SMTP_URL: "smtp://mail.example.com:587", AUTH_URL: "https://trellis.example.com" })).toThrow(/SMTP_FROM/);
    expect(() => loadConfig({ SMTP_URL: "smtp://mail.example.com:587", SMTP_FROM: "Trellis <t@example.com>" })).toThrow(/AUTH_URL: set Trellis's public address/);
    expect(() => loadConfig({ SMTP_URL: "https://mail.example.com", SMTP_FROM: "t@example.com", AUTH_URL: "https://trellis.example.com" })).toThrow(/SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
  });

  it("reads the server, the sender and the retry delay", () => {
    const config = loadConfig({ SMTP_URL: "smtps://user:secret@mail.example.com:465", SMTP_FROM: "Trellis <t@example.com>", AUTH_URL: "https://trellis.example.com/", SMTP_RETRY_SECONDS: "5" });
    expect(config.mail).toEqual({ url: "smtps://user:secret@mail.example.com:465", from: "Trellis <t@example.com>", retryBaseMs: 5_000 });
    expect(config.publicOrigin).toBe("https://trellis.example.com");
    expect(loadConfig({ SMTP_URL: "smtp://m.example.com", SMTP_FROM: "t@example.com", AUTH_URL: "https://t.example.com" }).mail?.retryBaseMs).toBe(30_000);
  });
});
