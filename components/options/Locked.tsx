/** The note beside a setting the admin's policy fixed. Text is data so every surface says the same. */
export const LOCKED_TEXT = 'Set by your organisation';

export function Locked({ locked, name }: { locked: boolean; name: string }) {
  if (!locked) return null;
  return (
    <span className="rg-locked" data-rg-locked={name}>
      <span aria-hidden="true">🔒 </span>
      {LOCKED_TEXT}
    </span>
  );
}
