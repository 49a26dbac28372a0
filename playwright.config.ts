import { defineConfig, devices } from "@playwright/test";
import { E2E_ENV, E2E_PORT, FRESH_ENV, FRESH_PORT, OIDC_PORT } from "./e2e/support/env";

/*
 * End-to-end tests drive Debian's Chromium against a production build
 * (`next build` + `next start`) on a fresh SQLite file, prepared by
 * e2e/support/prepare.ts. Each role signs in once (setup project) and the
 * specs reuse the saved storageState.
 */
export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 7_500 },
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: [/auth\.setup\.ts/, /\.serial\.spec\.ts/, /framework-publish\.spec\.ts/] },
    // Publishing changes the framework every other spec reads, so it runs on a server of its own.
    { name: "framework-publish", use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${FRESH_PORT}` }, testMatch: /framework-publish\.spec\.ts/ },
    // Tests that throttle or kill a server start one of their own (e2e/support/own-server.ts), one test at a time,
    // after the rest: their bursts and restarts would otherwise take the CPU from timed tests on a two-core machine.
    { name: "own-server", use: { ...devices["Desktop Chrome"] }, testMatch: /\.serial\.spec\.ts/, fullyParallel: false, dependencies: ["chromium", "framework-publish"] },
  ],
  webServer: [
    {
      command: "npx tsx e2e/support/oidc-mock.ts",
      url: `http://127.0.0.1:${OIDC_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `npx tsx --conditions=react-server e2e/support/prepare.ts && npx next build && npx next start -p ${E2E_PORT}`,
      url: `http://localhost:${E2E_PORT}/signin`,
      env: E2E_ENV,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // Started after the server above, so the build it waits for is done.
      command: `npx tsx --conditions=react-server e2e/support/prepare-fresh.ts && npx next start -p ${FRESH_PORT}`,
      url: `http://localhost:${FRESH_PORT}/signin`,
      env: FRESH_ENV,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
