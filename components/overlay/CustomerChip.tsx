import type { CustomerSignals } from '@/lib/engine/types';
import { CUE_LABEL, ESCALATION_LABEL, SENTIMENT_LABEL } from './labels';

interface Props {
  customer: CustomerSignals | null;
  messages: readonly string[];
}

/** How the customer feels, at a glance: mood, sarcasm with the cue quoted, escalation kinds. */
export function CustomerChip({ customer, messages }: Props) {
  if (!customer) {
    return (
      <div
        className="rg-chip"
        data-rg-customer=""
        data-sentiment="neutral"
        data-sarcasm="false"
        data-escalation="false"
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
