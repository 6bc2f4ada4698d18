import { describe, expect, it } from 'vitest';
import { decideLanguage, detectLanguage, type FittedSettings } from '@/lib/engine/language/detect';
import { FITTED_LANGUAGES, fittedLanguage, LANGUAGE_MODEL, languageFeatures } from '@/lib/engine/language/fitted';
import { type LanguageGuess, quickLanguage } from '@/lib/engine/language/quick';
import { shippedModel } from '@/lib/engine/signals/models';

describe('quickLanguage (the content script guesser)', () => {
  it.each([
    ['Thank you for your message, we will look into this and get back to you today.', 'en'],
    ['Vielen Dank für Ihre Nachricht, wir kümmern uns noch heute darum.', 'de'],
    ['Gracias por tu mensaje, lo revisamos y te respondemos hoy mismo.', 'es'],
    ['Merci pour votre message, nous nous en occupons et revenons vers vous.', 'fr'],
    ['Grazie per il messaggio, ci pensiamo noi e ti rispondiamo oggi.', 'it'],
    ['Obrigado pela mensagem, você vai receber uma resposta hoje.', 'pt'],
    ['mera order abhi tak nahi aaya, kya ho raha hai yaar', 'hi'],
    ['طلبي لم يصل حتى الآن', 'ar'],
    ['मेरा ऑर्डर अभी तक नहीं आया', 'hi'],
  ])('%s → %s', (text, language) => {
    expect(quickLanguage(text)).toEqual({ language, confident: true });
  });

  it('is not confident about text with too few words to tell', () => {
    expect(quickLanguage('OK').confident).toBe(false);
    expect(quickLanguage('4111 1111 1111 1111').language).toBe('und');
    expect(quickLanguage('').language).toBe('und');
  });

  it('reads only the start of a huge paste, in bounded time', () => {
    const huge = `${'x'.repeat(1_000_000)}@${'y'.repeat(1_000_000)}`;
    const t0 = performance.now();
    quickLanguage(huge);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('detectLanguage (the background, with franc-min)', () => {
  it('lets franc decide longer texts the function words cannot', () => {
    expect(detectLanguage('Dziękuję bardzo za szybką odpowiedź, paczka dotarła dzisiaj rano w całości.').language).toBe(
      'pl',
    );
  });

  it('does not take franc’s word for a short English message', () => {
    expect(detectLanguage("It's been 10 days. Still nothing.")).toEqual({ language: 'en', confident: true });
    // franc-min alone read these as Scots and French.
    for (const text of ['Fantastic. Fourth broken unit.', 'Three days and no answer. Great customer service.']) {
      const guess = detectLanguage(text);
      expect(guess.language === 'en' || !guess.confident).toBe(true);
    }
  });

  it('names the language of short informal messages with the fitted identifier', () => {
    expect(detectLanguage('Kein Paket bisher')).toEqual({ language: 'de', confident: true });
    expect(detectLanguage('Ancora niente, che schifo')).toEqual({ language: 'it', confident: true });
    expect(detectLanguage('sorry frnds bhai nahi aa sakte')).toEqual({ language: 'hi', confident: true });
    // Without it, the same messages are left to the function words, which cannot tell.
    expect(detectLanguage('Kein Paket bisher', null).confident).toBe(false);
  });

  it('does not call short English requests another language', () => {
    for (const text of [
      'refund status',
      'How long do refunds usually take?',
      'company newsletter subscription',
      'ok',
    ]) {
      const guess = detectLanguage(text);
      expect(guess.language === 'en' || !guess.confident).toBe(true);
    }
  });

  it('lets franc-min name a long text in a language the identifier does not know', () => {
    const dutch = 'Bedankt voor de snelle reactie, mijn pakket is vandaag aangekomen en alles werkt prima.';
    expect(detectLanguage(dutch)).toEqual({ language: 'nl', confident: true });
  });
});

describe('decideLanguage (how the detectors are combined)', () => {
  const quick: LanguageGuess = { language: 'und', confident: false };
  const settings: FittedSettings = { sure: 0.9, franc: 'unknown', weakFitted: true };
  const never = () => {
    throw new Error('not needed');
  };

  it('takes franc-min first only for a language the identifier does not know', () => {
    const fitted = () => ({ language: 'de', p: 0.95 });
    expect(decideLanguage(quick, () => ({ language: 'nl', confident: true }), never, settings).language).toBe('nl');
    expect(decideLanguage(quick, () => ({ language: 'fr', confident: true }), fitted, settings).language).toBe('de');
    expect(
      decideLanguage(quick, () => ({ language: 'fr', confident: true }), never, { ...settings, franc: 'first' }),
    ).toEqual({ language: 'fr', confident: true });
    expect(decideLanguage(quick, never, fitted, { ...settings, franc: 'last' })).toEqual({
      language: 'de',
      confident: true,
    });
  });

  it('below `sure`, keeps franc-min’s answer, then the function words’ guess, then the identifier’s', () => {
    const unsure = () => ({ language: 'hi', p: 0.6 });
    expect(decideLanguage(quick, () => ({ language: 'es', confident: true }), unsure, settings).language).toBe('es');
    const weakEnglish: LanguageGuess = { language: 'en', confident: false, evidence: 1 };
    expect(decideLanguage(weakEnglish, () => null, unsure, settings)).toBe(weakEnglish);
    expect(decideLanguage(quick, () => null, unsure, settings)).toEqual({ language: 'hi', confident: false });
    expect(decideLanguage(quick, () => null, unsure, { ...settings, weakFitted: false })).toBe(quick);
  });
});

describe('the fitted identifier', () => {
  const model = shippedModel(LANGUAGE_MODEL);

  it('is in the model blob, with the languages detect.ts expects', () => {
    expect(model).not.toBeNull();
    expect(new Set(model?.classes)).toEqual(FITTED_LANGUAGES);
  });

  it('reads words and their character grams, not mentions or links', () => {
    const a = languageFeatures('Obrigado pela ajuda', 3).trimmed();
    const b = languageFeatures('@someone Obrigado pela ajuda https://example.com/x', 3).trimmed();
    expect(b).toEqual(a);
    // "^ok$": the word, 2 letters, 3 bigrams, 2 trigrams.
    expect(languageFeatures('OK', 3).length).toBe(1 + 2 + 3 + 2);
    expect(languageFeatures('1234 !!', 3).length).toBe(0);
  });

  it('gives its top language and probability, or nothing for a text without letters', () => {
    if (!model) throw new Error('no identifier in the blob');
    const guess = fittedLanguage(model, 'falto me acabar com essas marmotagens kkkkkk');
    expect(guess?.language).toBe('pt');
    expect(guess?.p).toBeGreaterThan(0.5);
    expect(fittedLanguage(model, '12:30 :)')).toBeNull();
  });
});
