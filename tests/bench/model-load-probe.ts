/**
 * Loaded by the accuracy benchmark as a bundled script in a fresh Node process, to time what the
 * background pays to start reading customers: evaluating the engine's modules, reading the models
 * blob and installing it (the background fetches the same bytes from its package), then the first
 * use of every model and of the language detector.
 */
import { loadModelsFromDisk } from '../../lib/cli/load-models';
import { detectLanguage } from '../../lib/engine/language/detect';
import { analyzeCustomer } from '../../lib/engine/signals';
import { sarcasmModel } from '../../lib/engine/signals/sarcasm-score';
import { SENTIMENT_LANGUAGES, sentimentModel } from '../../lib/engine/signals/sentiment';

/** Milliseconds: reading and installing the blob, and the first reading with every model. */
export function loadModels(): { install: number; all: number } {
  const t0 = performance.now();
  loadModelsFromDisk();
  const t1 = performance.now();
  for (const lang of SENTIMENT_LANGUAGES) sentimentModel(lang);
  sarcasmModel();
  detectLanguage('Bonjour, ma commande est arrivée cassée et personne ne répond.');
  analyzeCustomer(['Great, another update that breaks everything.']);
  return { install: t1 - t0, all: performance.now() - t0 };
}
