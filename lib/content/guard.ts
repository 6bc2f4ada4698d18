/**
 * Wraps page callbacks so an exception in ReplyGuard never reaches the helpdesk: the first error
 * is logged once and `onFailure` pauses ReplyGuard on the page; later ones are swallowed.
 */
export function createGuard(onFailure: (error: unknown) => void) {
  let failed = false;
  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    console.warn('[ReplyGuard] paused after an internal error:', error);
    try {
      onFailure(error);
    } catch {
      // Nothing more can be done without risking the page.
    }
  };
  return {
    get failed() {
      return failed;
    },
    run<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
      return (...args: A) => {
        if (failed) return;
        try {
          fn(...args);
        } catch (error) {
          fail(error);
        }
      };
    },
    fail,
  };
}
