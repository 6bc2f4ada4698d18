import { installModels, MODEL_FILE } from '@/lib/engine/signals/models';

/**
 * Fetches the models blob packaged with the extension and installs it (the engine stays pure, so
 * each extension page that reads customers hands it the bytes). The file is not web-accessible:
 * only the extension's own pages and its background can fetch it. The background reads customers
 * for the content script; the options page's pack preview reads the customer message it is given.
 */
export async function installPackagedModels(): Promise<void> {
  const response = await fetch(browser.runtime.getURL(`/${MODEL_FILE}`));
  if (!response.ok) throw new Error(`ReplyGuard models could not be read (${response.status})`);
  installModels(new Uint8Array(await response.arrayBuffer()));
}
