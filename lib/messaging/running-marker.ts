/**
 * Whether a page already runs ReplyGuard's content script, for the background, which starts the
 * script in open tabs after an install, an update or a newly added custom domain
 * (lib/settings/register-custom.ts). Starting a second copy over a live one would reset what the
 * tab follows (WXT stops the older copy when a newer one starts), so the background asks first:
 * a `scripting.executeScript` probe reads this marker in the content scripts' isolated world,
 * which the page cannot see or set.
 */

/** The global the content script sets in its isolated world while it runs (or starts). */
export const RUNNING_MARKER = '__replyguardRunning';

/**
 * Marks this world as running ReplyGuard `version`; returns the function that clears the mark
 * (when the script stops, gives up on the page, or is invalidated). An older version's mark left
 * after an update does not count: that copy has stopped.
 */
export function markRunning(version: string): () => void {
  const world = globalThis as Record<string, unknown>;
  world[RUNNING_MARKER] = version;
  return () => {
    if (world[RUNNING_MARKER] === version) delete world[RUNNING_MARKER];
  };
}

/** The probe the background runs in a tab (serialised by `executeScript`, so self-contained). */
export function isRunning(marker: string, version: string): boolean {
  return (globalThis as Record<string, unknown>)[marker] === version;
}
