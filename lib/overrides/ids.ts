/** A random event id, made when the event is created so retries are idempotent. */
export function newEventId(): string {
  return crypto.randomUUID();
}
