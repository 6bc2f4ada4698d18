/**
 * Loaded by the accuracy benchmark as a bundled script in a fresh Node process, to time what the
 * background pays to start reading customers: reading the models blob and installing it (the
 * background fetches the same bytes from its package), the first use of every model and of the
 * language detector (the goal's "model load"), then, apart, the first whole customer reading,
 * which also warms the engine's own code (tokenizer, cue patterns) and would be paid with no model.
 */
import { loadModelsFromDisk } from '../../lib/cli/load-models';
import { detectLanguage } from '../../lib/engine/language/detect';
import { analyzeCustomer } from '../../lib/engine/signals';
import { sarcasmModel } from '../../lib/engine/signals/sarcasm-score';
import { SENTIMENT_LANGUAGES, sentimentModel } from '../../lib/engine/signals/sentiment';

/** Milliseconds: installing the blob; that and every model's and the detector's first use; the first reading after. */
export function loadModels(): { install: number; all: number; firstReading: number } {
  const t0 = performance.now();
  loadModelsFromDisk();
  const t1 = performance.now();
  for (const lang of SENTIMENT_LANGUAGES) sentimentModel(lang);
  sarcasmModel();
  detectLanguage('Bonjour, ma commande est arrivée cassée et personne ne répond.');
  // A short message the function words cannot settle: the fitted identifier's first use.
  detectLanguage('Kein Paket bisher');
  const t2 = performance.now();
  analyzeCustomer(['Great, another update that breaks everything.']);
  return { install: t1 - t0, all: t2 - t0, firstReading: performance.now() - t2 };
}
