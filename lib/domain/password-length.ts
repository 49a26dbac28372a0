/*
 * The shortest password Trellis accepts. On its own, without zod, so that the
 * forms showing it as a hint don't send the validation library to the browser
 * (about 30 kB gzip on the account and invitation pages); the server's rules
 * are in lib/security/password-rules.ts.
 */
export const PASSWORD_MIN_LENGTH = 12;
