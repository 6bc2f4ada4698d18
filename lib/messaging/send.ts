import { browser } from '#imports';
import type { MessageType, Request, Response } from './protocol';

/** Sends a typed message to the background and resolves with its typed answer. */
export async function sendToBackground<T extends MessageType>(type: T, request: Request<T>): Promise<Response<T>> {
  const answer: unknown = await browser.runtime.sendMessage({ type, ...request });
  if (answer && typeof answer === 'object' && 'error' in answer) {
    throw new Error(String((answer as { error: unknown }).error));
  }
  return answer as Response<T>;
}
