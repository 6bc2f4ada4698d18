import { describe, expect, it } from 'vitest';
import { analyzeTicket } from '@/lib/engine/analyze';
import { checkReply } from '@/lib/engine/rules/check-reply';
import { exampleSignals } from '@/lib/engine/rules/define-rule';

const rulesOf = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('rules with customer context (explicit signals)', () => {
  const sarcastic = exampleSignals({ text: '', customer: { sentiment: 'negative', sarcastic: true } });
  const wantsManager = exampleSignals({ text: '', customer: { sentiment: 'negative', escalation: ['manager'] } });

  it('sarcastic customer + cheerful reply → tone', () => {
    const findings = checkReply({
      reply: "Great! We're so glad you're enjoying the update!",
      customer: sarcastic,
      customerMessages: ['Great, another update that breaks everything. Love it.'],
      agent: [],
    });
    expect(findings.find((f) => f.rule === 'cheerful-to-upset')).toMatchObject({
      category: 'tone',
      severity: 'warning',
    });
  });

  it('manager request + troubleshooting reply → escalation', () => {
    const findings = checkReply({
      reply: 'Sorry about that. Please clear your cache and restart the app, then try again.',
      customer: wantsManager,
      customerMessages: ['This is useless. I want to speak to your manager.'],
      agent: [],
    });
    expect(findings.find((f) => f.rule === 'escalation-deflected')).toMatchObject({ category: 'escalation' });
  });

  it('manager request + handover reply → no escalation finding', () => {
    const findings = checkReply({
      reply: 'I am sorry for the trouble. I have escalated your case and my supervisor will call you back today.',
      customer: wantsManager,
      customerMessages: ['This is useless. I want to speak to your manager.'],
      agent: [],
    });
    expect(rulesOf(findings)).not.toContain('escalation-deflected');
  });

  it('a clean, well-written human reply raises nothing above info', () => {
    const findings = checkReply({
      reply:
        'Hi Maria,\n\nI am sorry your order arrived damaged, and I understand how disappointing that is. ' +
        'I have passed the photos to our returns team, who will contact you about a replacement. ' +
        'You can follow your case at https://help.example.com/cases. Simply reply here if you have any questions.\n\n' +
        'Best regards,\nAlex',
      customer: exampleSignals({ text: '', customer: { sentiment: 'negative' } }),
      customerMessages: ['My order arrived damaged.'],
      agent: [],
    });
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

/**
 * Through analyzeTicket with real customer text: these depend on the signals engine reading
 * the customer correctly (lib/engine/signals), not only on the rules.
 */
describe('rules with real customer text (through the signals engine)', () => {
  it('sarcastic customer + cheerful reply → tone', () => {
    const { customer, findings } = analyzeTicket({
      customer: ['Great, another update that breaks everything. Just what I needed. Thanks a lot.'],
      agent: [],
      reply: "Great! We're so glad you're enjoying the update!",
    });
    expect(customer?.sarcasm.likely || customer?.sentiment.label === 'negative').toBe(true);
    expect(rulesOf(findings)).toContain('cheerful-to-upset');
  });

  it('manager request + troubleshooting reply → escalation', () => {
    const { findings } = analyzeTicket({
      customer: ['This is the third time I am writing. I want to speak to a manager right now.'],
      agent: [],
      reply: 'Please clear your cache and restart the app, then try again.',
    });
    expect(rulesOf(findings)).toContain('escalation-deflected');
  });

  it('manager request + handover reply → no escalation finding', () => {
    const { findings } = analyzeTicket({
      customer: ['This is the third time I am writing. I want to speak to a manager right now.'],
      agent: [],
      reply: 'I am sorry for the trouble. I have escalated your case and my supervisor will call you back today.',
    });
    expect(rulesOf(findings)).not.toContain('escalation-deflected');
  });
});
