/*
 * Raised by the data-access layer when a record is missing or the viewer may
 * not touch it. Both cases look the same to the caller, so nobody can probe
 * for records they cannot see.
 */
export class NotFoundError extends Error {
  constructor(readonly what = "record") {
    super(`That ${what} does not exist or you do not have access to it.`);
    this.name = "NotFoundError";
  }
}
