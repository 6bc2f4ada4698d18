import { describe, expect, it } from 'vitest';
import { detectLanguage } from '@/lib/engine/language/detect';
import { quickLanguage } from '@/lib/engine/language/quick';

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
    expect(detectLanguage('Fantastic. Fourth broken unit.').confident).toBe(false);
  });
});
