/** Placeholder lines while the status loads (announced through the page's status region). */
export function PopupSkeleton({ label }: { label: string }) {
  return (
    <div aria-hidden="true" title={label}>
      <div class="skeleton skeleton-line" style={{ width: '70%' }} />
      <div class="skeleton skeleton-line" style={{ width: '90%' }} />
      <div class="skeleton skeleton-line" style={{ width: '60%' }} />
      <div class="skeleton skeleton-line" style={{ width: '80%' }} />
    </div>
  );
}
