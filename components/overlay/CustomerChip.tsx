import type { CustomerSignals } from '@/lib/engine/types';
import type { CustomerReading } from '@/lib/overlay/overlay-store';
import { CUE_LABEL, ESCALATION_LABEL, SENTIMENT_LABEL } from './labels';

interface Props {
  customer: CustomerSignals | null;
  reading: CustomerReading;
  messages: readonly string[];
}

/** How the customer feels, at a glance: mood, sarcasm with the cue quoted, escalation kinds. */
export function CustomerChip({ customer, reading, messages }: Props) {
  // No `data-rg-customer` until there is something to say: readers of that hook (tests, the
  // benchmarks) wait for a reading instead of taking a placeholder for one.
  if (reading === 'pending' && !customer) {
    return (
      <div className="rg-chip rg-chip--pending" data-rg-customer-reading="pending" role="status">
        Reading the customer's messages…
      </div>
    );
  }
  if (reading === 'unavailable') {
    return (
      <div
        className="rg-chip rg-chip--unavailable"
        data-rg-customer="unavailable"
        data-rg-customer-reading="unavailable"
        role="status"
      >
        Customer mood unavailable: ReplyGuard's background did not answer. Findings that depend on the mood are left
        out.
      </div>
    );
  }
  if (!customer) {
    return (
      <div
        className="rg-chip"
        data-rg-customer=""
        data-sentiment="neutral"
        data-sarcasm="false"
        data-escalation="false"
        data-rg-customer-reading="none"
      >
        No customer message yet
      </div>
    );
  }
  const { sentiment, sarcasm, escalation } = customer;
  const cue = sarcasm.cues[0];
  const cueText = cue ? (messages[cue.message]?.slice(cue.start, cue.end) ?? cue.text) : null;
  const label = [
    `Customer mood: ${SENTIMENT_LABEL[sentiment.label]}`,
    sarcasm.likely ? 'likely sarcastic' : null,
    escalation.likely ? escalation.kinds.map((k) => ESCALATION_LABEL[k]).join(', ') : null,
  ]
    .filter(Boolean)
    .join('; ');
  return (
    <div
      className={`rg-chip rg-chip--${sentiment.label}`}
      data-rg-customer=""
      data-sentiment={sentiment.label}
      data-sarcasm={String(sarcasm.likely)}
      data-escalation={String(escalation.likely)}
      data-rg-customer-reading={reading}
      role="status"
      aria-label={label}
    >
      <span className="rg-chip__mood" title={`Sentiment score ${sentiment.score.toFixed(2)}`}>
        {SENTIMENT_LABEL[sentiment.label]}
      </span>
      {sarcasm.likely && (
        <span className="rg-chip__tag rg-chip__tag--sarcasm" title={cue ? CUE_LABEL[cue.kind] : 'sarcasm'}>
          Sarcastic{cueText ? <q>{cueText}</q> : null}
        </span>
      )}
      {escalation.likely &&
        escalation.kinds.map((kind) => (
          <span key={kind} className="rg-chip__tag rg-chip__tag--escalation">
            {ESCALATION_LABEL[kind]}
          </span>
        ))}
    </div>
  );
}
