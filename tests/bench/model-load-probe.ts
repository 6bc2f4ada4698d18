/**
 * Loaded by the accuracy benchmark as a bundled script in a fresh Node process, to time what the
 * background pays to start reading customers: evaluating the engine's modules (the models' JSON
 * is parsed then) and decoding every shipped model, with the language detector's first call.
 */
import { detectLanguage } from '../../lib/engine/language/detect';
import { sarcasmModel } from '../../lib/engine/signals/sarcasm-score';
import { SENTIMENT_LANGUAGES, sentimentModel } from '../../lib/engine/signals/sentiment';

/** Decodes every model; returns milliseconds for English alone and for all of them. */
export function loadModels(): { english: number; all: number } {
  const t0 = performance.now();
  sentimentModel('en');
  const t1 = performance.now();
  for (const lang of SENTIMENT_LANGUAGES) sentimentModel(lang);
  sarcasmModel();
  detectLanguage('Bonjour, ma commande est arrivée cassée et personne ne répond.');
  return { english: t1 - t0, all: performance.now() - t0 };
}
