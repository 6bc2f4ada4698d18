import { describe, expect, it } from 'vitest';
import { explainTab } from '@/components/popup/tab-explanation';
import { resolveSettings } from '@/lib/settings/effective';

describe('the popup’s explanation for a tab without ReplyGuard', () => {
  const settings = resolveSettings({
    helpdesks: { intercom: false },
    pausedSites: ['acme.zendesk.com'],
    customHelpdesks: [{ pattern: 'https://help.acme-freescout.com/*', adapter: 'freescout' }],
  });
  const kind = (url: string | undefined, granted = false) => explainTab(url, settings, granted).kind;

  it('says why, case by case', () => {
    expect(kind(undefined)).toBe('not-helpdesk');
    expect(kind('https://example.org/')).toBe('not-helpdesk');
    expect(kind('https://acme.zendesk.com/agent/tickets/1')).toBe('paused');
    expect(kind('https://app.intercom.com/a/inbox')).toBe('switched-off');
    expect(kind('https://help.acme-freescout.com/conversation/1')).toBe('needs-access');
    expect(kind('https://help.acme-freescout.com/conversation/1', true)).toBe('starting');
    expect(kind('https://other.zendesk.com/agent/tickets/1')).toBe('starting');
    expect(explainTab('https://app.intercom.com/', settings, true).text).toBe(
      'Intercom is switched off in the options.',
    );
  });
});
