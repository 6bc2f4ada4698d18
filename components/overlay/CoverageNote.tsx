import type { ReplyCoverage } from '@/lib/engine/rules/check-reply';
import { LANGUAGE_LABEL } from './labels';

interface Props {
  coverage: ReplyCoverage | null;
}

/**
 * Says when some checks could not read the reply: "German reply: 16 of 35 checks ran; the others
 * read English only." Silent rules are not a clean bill of health, so the agent is told.
 */
export function CoverageNote({ coverage }: Props) {
  if (!coverage || coverage.skipped.length === 0) return null;
  const total = coverage.ran.length + coverage.skipped.length;
  const language = LANGUAGE_LABEL[coverage.language] ?? coverage.language;
  return (
    <p className="rg-coverage" data-rg-coverage={coverage.language} title={`Not run: ${coverage.skipped.join(', ')}`}>
      {language} reply: {coverage.ran.length} of {total} checks ran; the others read English only.
    </p>
  );
}
