import { useId, useState } from 'preact/hooks';
import { flows } from '../i18n/flows';
import './enrolment.css';

/**
 * Leaving freshly made backup codes: "I have saved these codes" first, then the primary "Done" (as GitHub and
 * Google ask before the codes disappear). Done stays disabled until the box is ticked, and says why.
 */
export function CodesSavedAck({ onDone }: { onDone: () => void }) {
  const id = useId();
  const [isSaved, setSaved] = useState(false);
  return (
    <div class="codes-ack no-print">
      <label class="check" for={`${id}-saved`}>
        <input id={`${id}-saved`} type="checkbox" checked={isSaved} onChange={(e) => setSaved(e.currentTarget.checked)} />
        <span>{flows.codes.saved}</span>
      </label>
      <button type="button" class="primary" disabled={!isSaved} aria-describedby={isSaved ? undefined : `${id}-hint`} onClick={onDone}>
        {flows.codes.done}
      </button>
      {isSaved ? null : <p id={`${id}-hint`} class="muted hint">{flows.codes.doneHint}</p>}
    </div>
  );
}
