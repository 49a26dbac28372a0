/*
 * Return addresses an attacker might put in ?callbackUrl=, as the server sees
 * them after query decoding. Shared by the unit test of safeReturnPath and the
 * e2e test of every redirect that uses it. The dot-segment ones turn into
 * "//evil.example" only after URL normalisation, which is how they got through.
 */
export const HOSTILE_RETURN_PATHS = [
  "/.//evil.example/x",
  "/..//evil.example/x",
  "/%2e//evil.example/x",
  "/%2E%2E//evil.example/x",
  "/a/..//evil.example/x",
  "/a/../..//evil.example",
  "/x/%2e%2e//evil.example",
  "/./%2e//evil.example",
  "/.%2e//evil.example",
  "/.///evil.example",
  "/.//%5cevil.example",
  "/.//evil.example?next=1#top",
  "/.//@evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%09/evil.example",
  "/%2f/evil.example",
  "/%2F%2Fevil.example",
  "/%5c/evil.example",
  "/%5C%5Cevil.example",
  " //evil.example",
  "https://evil.example/phish",
  "HTTPS:evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
];

/*
 * The rule for a Location we send: one "/" and then anything but "/" or "\",
 * or just "/". A browser resolves anything else against another host.
 */
export const isLocalPath = (path: string) => path === "/" || /^\/[^/\\]/.test(path);
