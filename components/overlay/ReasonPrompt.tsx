import { useState } from 'react';
import { OVERRIDE_REASONS } from '@/lib/db/schema';
import type { ReasonPrompt as Prompt, ReasonAnswer } from '@/lib/overlay/overlay-store';
import { OUTCOME_QUESTION, REASON_LABEL } from './labels';

interface Props {
  prompt: Prompt;
  onAnswer(answer: ReasonAnswer): void;
}

/** One click to say why the suggestion was overridden; skipping is always one click too. */
export function ReasonPrompt({ prompt, onAnswer }: Props) {
  const [note, setNote] = useState('');
  const [noteOpen, setNoteOpen] = useState(false);
  const id = prompt.overrideId;
  const clean = note.trim() || null;

  return (
    <section
      className="rg-reason"
      aria-label="Why was the suggestion overridden?"
      data-rg-reason-prompt={prompt.outcome}
    >
      <p className="rg-reason__q">{OUTCOME_QUESTION[prompt.outcome]}</p>
      <div className="rg-reason__chips">
        {OVERRIDE_REASONS.map((reason) => (
          <button
            key={reason}
            type="button"
            className="rg-chip-button"
            data-rg-reason={reason}
            onClick={() => onAnswer({ overrideId: id, reason, note: clean })}
          >
            {REASON_LABEL[reason]}
          </button>
        ))}
      </div>
      {noteOpen ? (
        <label className="rg-reason__note">
          Note (optional)
          <input type="text" maxLength={280} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      ) : (
        <button type="button" className="rg-link" onClick={() => setNoteOpen(true)}>
          Add a note
        </button>
      )}
      <div className="rg-reason__skip">
        <button type="button" className="rg-link" onClick={() => onAnswer({ overrideId: id, skip: true })}>
          Skip
        </button>
        <button type="button" className="rg-link" onClick={() => onAnswer({ overrideId: id, muteToday: true })}>
          Don't ask again today
        </button>
      </div>
    </section>
  );
}
