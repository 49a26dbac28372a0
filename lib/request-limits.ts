/*
 * How big a form post may be. Next.js refuses a server-action body over its
 * `bodySizeLimit` before the action runs, and answers a 500 ("Something went
 * wrong", the form lost). So the limit sits well above the largest receipt
 * (5 MB, refused by the action itself with a message beside the field), and
 * the proxy answers anything bigger with a plain 413 before Next reads it.
 * Shared by next.config.ts and proxy.ts so the two never drift apart.
 */
export const FORM_BODY_LIMIT_MB = 8;
export const FORM_BODY_LIMIT_BYTES = FORM_BODY_LIMIT_MB * 1024 * 1024;

export const BODY_TOO_LARGE_MESSAGE = `That upload is too large: a form can carry up to ${FORM_BODY_LIMIT_MB} MB, and receipts can be up to 5 MB. Go back, choose a smaller file (or link to the receipt) and send the form again.`;
