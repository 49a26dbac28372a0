"use client";

/* Last resort when the root layout itself fails: a plain page, no app styles needed. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "3rem", color: "#1c1917" }}>
        <h1>Trellis is having trouble</h1>
        <p>Something went wrong while loading this page. Changes are saved all-or-nothing, so nothing was left half-done.</p>
        <button type="button" onClick={reset} style={{ padding: "0.5rem 1rem" }}>
          Try again
        </button>
      </body>
    </html>
  );
}
