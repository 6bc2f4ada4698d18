/** A random event id, made when the event is created so retries are idempotent. */
export function newEventId(): string {
  return crypto.randomUUID();
}

/** Hex SHA-256 of helpdesk and ticket id: rows group by ticket without storing the ticket id. */
export async function hashTicket(helpdesk: string, ticketId: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${helpdesk}:${ticketId}`);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
