/*
 * Runs once when a Trellis server starts: the in-process jobs (email sender,
 * due-date reminders, daily digests). Only in the Node.js runtime, where the
 * database lives.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundJobs } = await import("./lib/jobs/background");
  startBackgroundJobs();
}
