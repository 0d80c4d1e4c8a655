/** Placeholder: the list of granted portals (popup issue). */
export function PortalsView(_props: { current: string | null }) {
  return <section aria-labelledby="view-title"><h2 id="view-title">Portals</h2></section>;
}
