import type { ComponentChildren } from 'preact';

/** One fact, its label stacked over its value (no ragged two-line label column at 360 px). */
export function Fact({ field, label, children }: { field: string; label: string; children: ComponentChildren }) {
  return (
    <div class="fact" data-field={field}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
