import { describe, expect, it } from 'vitest';
import { findPii, ibanValid, luhnValid, redactPii } from '@/lib/engine/pii';
import { checkReply } from '@/lib/engine/rules/check-reply';

const kinds = (text: string) => findPii(text).map((s) => [s.kind, s.text]);

describe('checksums', () => {
  it('Luhn accepts test card numbers and rejects a changed digit', () => {
    for (const n of ['4111111111111111', '5500000000000004', '378282246310005', '6011111111111117']) {
      expect(luhnValid(n)).toBe(true);
    }
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });

  it('IBAN mod-97 accepts valid IBANs in any case and spacing, rejects a changed digit', () => {
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('de89370400440532013000')).toBe(true);
    expect(ibanValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
    expect(ibanValid('GB82')).toBe(false);
  });
});

describe('findPii', () => {
  it('finds each kind with exact spans', () => {
    expect(kinds('Card 4111-1111-1111-1111 and IBAN GB82WEST12345698765432.')).toEqual([
      ['card', '4111-1111-1111-1111'],
      ['iban', 'GB82WEST12345698765432'],
    ]);
    expect(kinds('SSN 536-22-1234, mail a.b+c@example.co.uk, ip 192.168.1.20.')).toEqual([
      ['ssn', '536-22-1234'],
      ['email', 'a.b+c@example.co.uk'],
      ['ip-address', '192.168.1.20'],
    ]);
    expect(kinds('key AKIAIOSFODNN7EXAMPLE and -----BEGIN RSA PRIVATE KEY-----')).toEqual([
      ['secret', 'AKIAIOSFODNN7EXAMPLE'],
      ['secret', '-----BEGIN RSA PRIVATE KEY-----'],
    ]);
    expect(kinds('Your new password is Tr0ub4dor&3.')).toEqual([['password', 'Tr0ub4dor&3']]);
  });

  it('reads phone numbers in common formats', () => {
    for (const phone of [
      '(415) 555-2671',
      '415-555-2671',
      '+1 415 555 2671',
      '+44 20 7946 0958',
      '+33 1 42 68 53 00',
    ]) {
      expect(kinds(`Please call ${phone} today.`), phone).toEqual([['phone', phone]]);
    }
    expect(kinds('Mobile: 07911 123456')).toEqual([['phone', '07911 123456']]);
    expect(kinds('Tel. 030 901820')).toEqual([['phone', '030 901820']]);
  });

  it('does not flag order numbers, prices, dates, versions or short numbers', () => {
    for (const text of [
      'Your order #123456789 shipped.',
      'Order number 2125551234 is on its way.',
      'The total is $1,249.99, charged on 2024-03-15.',
      'Delivered 15/03/2024 at 10:30.',
      'Please update to version 10.2.3.4.',
      'Invoice 4111111111111112 is attached.',
      'DM us your name and zip code and we will look into it.',
      'It costs 19.99 per month for 12 months.',
    ]) {
      expect(kinds(text), text).toEqual([]);
    }
  });

  it('redacts every span with its mask', () => {
    expect(redactPii('Mail jane@example.com or call (415) 555-2671 about card 4111 1111 1111 1111.')).toBe(
      'Mail [EMAIL] or call [PHONE] about card [CARD].',
    );
    expect(redactPii('Nothing to hide here.')).toBe('Nothing to hide here.');
  });
});

describe('phone numbers in national and international formats', () => {
  const phones = (text: string, region?: string) =>
    checkReply({ reply: text, customer: null, customerMessages: [], agent: [] }, region ? { region } : undefined)
      .filter((f) => f.rule === 'pii-phone')
      .map((f) => f.text);

  it.each([
    ['Ruf ihn an: +49 30 901820.', '+49 30 901820'],
    ['Ruf ihn an: 0049 30 901820.', '0049 30 901820'],
    ['Son numéro : +33 6 12 34 56 78.', '+33 6 12 34 56 78'],
    ['Il suo numero è +39 312 345 6789.', '+39 312 345 6789'],
    ['Her number is +81 90-1234-5678.', '+81 90-1234-5678'],
    ['Her number is +61 412 345 678.', '+61 412 345 678'],
  ])('with a country code: %s', (text, number) => {
    expect(phones(text)).toEqual([number]);
  });

  it('reads a national number with the helpdesk region', () => {
    const text = 'Seine Nummer ist 030 901820.';
    expect(phones(text, 'DE')).toEqual(['030 901820']);
    expect(phones(text, 'de')).toEqual(['030 901820']);
    expect(phones('Son numéro est le 06 12 34 56 78.', 'FR')).toEqual(['06 12 34 56 78']);
  });

  it('never reads digits inside a card number or IBAN as a phone number', () => {
    for (const text of [
      'The card is 4111 1111 1111 1111.',
      'Card: 5500-0000-0000-0004 expires soon.',
      'IBAN DE89 3704 0044 0532 0130 00 please.',
    ]) {
      expect(phones(text, 'DE'), text).toEqual([]);
      expect(phones(text), text).toEqual([]);
    }
  });

  it('repeating the customer’s own number back is info, not a warning', () => {
    const findings = checkReply({
      reply: "I'll call you at 07700 900461 after 5 pm.",
      customer: null,
      customerMessages: ['You can reach me at 07700 900461 after 5pm.'],
      agent: [],
    }).filter((f) => f.rule === 'pii-phone');
    expect(findings.map((f) => f.severity)).toEqual(['info']);
  });
});
