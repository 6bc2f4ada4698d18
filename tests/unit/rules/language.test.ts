import { describe, expect, it } from 'vitest';
import { analyzeTicket } from '@/lib/engine/analyze';
import { checkReply, replyCoverage } from '@/lib/engine/rules/check-reply';
import { rules } from '@/lib/engine/rules/registry';
import { createReplyChecker } from '@/lib/engine/rules/reply-checker';

const angry = ['Necesito hablar con un supervisor, nadie me da una solución. Esto es inaceptable.'];

describe('rules and the reply language', () => {
  it('English-only rules stay silent on a reply they cannot read; number and link rules still run', () => {
    const reply = 'Hola Carlos, ya he revisado tu caso. Puedes llamarnos al +34 612 345 678 o ver http://bit.ly/x';
    const findings = analyzeTicket({ customer: angry, agent: [], reply }).findings;
    const ids = findings.map((f) => f.rule);
    expect(ids).toContain('pii-phone');
    expect(ids).toContain('link-shortener');
    expect(ids).not.toContain('missing-empathy');
    expect(ids).not.toContain('escalation-deflected');
  });

  it('the same reply in English gets the English checks', () => {
    const reply = 'Hi Carlos, have you tried clearing your cache? That usually fixes it.';
    const customer = ['I need to speak to a supervisor, nobody gives me a solution. This is unacceptable.'];
    const ids = analyzeTicket({ customer, agent: [], reply }).findings.map((f) => f.rule);
    expect(ids).toContain('escalation-deflected');
  });

  it('coverage says which checks ran, and every rule is in one list or the other', () => {
    const spanish = replyCoverage('Hola Carlos, gracias por tu mensaje, lo revisamos hoy mismo y te respondemos.');
    expect(spanish.language).toBe('es');
    expect(spanish.ran).toContain('pii-phone');
    expect(spanish.ran).toContain('reply-language-mismatch');
    expect(spanish.skipped).toContain('missing-empathy');
    expect(spanish.ran.length + spanish.skipped.length).toBe(rules.length);
    const english = replyCoverage('Thanks for your message, we will look into it today and get back to you.');
    expect(english.skipped).toEqual([]);
  });

  it('the incremental checker agrees with checkReply and reports the same coverage', () => {
    const checker = createReplyChecker();
    const ctx = {
      reply: 'Hola, ya está. Llámanos al +34 612 345 678.',
      customer: null,
      customerMessages: [],
      agent: [],
    };
    expect(checker.check(ctx)).toEqual(checkReply(ctx));
    expect(checker.coverage()?.language).toBe('es');
    expect(checker.coverage()).toBe(checker.coverage());
  });

  it('warns when the reply is in another language than the customer wrote', () => {
    const customer = ['Hola, mi pedido no ha llegado todavía y ya han pasado dos semanas desde la compra.'];
    const reply = 'Hi, thanks for your message. Your order has shipped and will arrive on Friday.';
    const mismatch = analyzeTicket({ customer, agent: [], reply }).findings.find(
      (f) => f.rule === 'reply-language-mismatch',
    );
    expect(mismatch?.severity).toBe('warning');
    expect(mismatch?.message).toBe('The customer wrote in Spanish; this reply is in English.');
    const answered = analyzeTicket({
      customer,
      agent: [],
      reply: 'Hola, tu pedido ya está en camino y llega el viernes.',
    });
    expect(answered.findings.map((f) => f.rule)).not.toContain('reply-language-mismatch');
  });
});
