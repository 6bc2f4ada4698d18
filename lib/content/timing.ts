/** Resolves after `ms`, or at once when `signal` aborts (the timer goes with it). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

/** `promise`, or a rejection when it has not settled within `ms` (or `signal` aborts first). */
export function withTimeout<T>(promise: Promise<T>, ms: number, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
    };
    const abort = () => {
      stop();
      reject(new Error('stopped'));
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
    signal.addEventListener('abort', abort);
    promise.then(
      (value) => {
        stop();
        resolve(value);
      },
      (error: unknown) => {
        stop();
        reject(error);
      },
    );
  });
}
