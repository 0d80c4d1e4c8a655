import type { ComponentChildren } from 'preact';

/** The popup's header: the extension's mark, the site it describes, and a short note at the end (version, kind). */
export function PopupHeader({ title, aside }: { title: string; aside?: ComponentChildren }) {
  return (
    <header class="popup-header">
      <div class="brand">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{title}</h1>
      </div>
      {aside ? <span class="muted">{aside}</span> : null}
    </header>
  );
}
