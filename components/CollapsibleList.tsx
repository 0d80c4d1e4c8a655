import { useState } from 'preact/hooks';

interface Props {
  label: string;
  items: string[];
  emptyText: string;
  moreText: (n: number) => string;
  /** Items shown before collapsing the rest behind a count. */
  limit?: number;
}

/** A labelled list that shows the first few items and a button revealing the rest. */
export function CollapsibleList({ label, items, emptyText, moreText, limit = 4 }: Props) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? items : items.slice(0, limit);
  const hidden = items.length - shown.length;
  return (
    <div class="collapsible">
      <span class="muted">{label}</span>
      {items.length === 0 ? (
        <p>{emptyText}</p>
      ) : (
        <ul aria-label={label}>
          {shown.map((item, i) => (
            <li key={`${i}-${item}`}>{item}</li>
          ))}
          {hidden > 0 ? (
            <li>
              <button type="button" class="link" aria-expanded="false" onClick={() => setExpanded(true)}>
                {moreText(hidden)}
              </button>
            </li>
          ) : null}
        </ul>
      )}
    </div>
  );
}
