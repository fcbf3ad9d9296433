export interface KeyboardShortcut {
  key: string;
  description: string;
}

/** The legend for a page's hotkeys, so they are discoverable rather than secret. */
export function KeyboardShortcuts({
  shortcuts,
  title = 'Keyboard shortcuts',
}: {
  shortcuts: readonly KeyboardShortcut[];
  title?: string;
}) {
  return (
    <section className="wl-shortcuts" aria-label={title}>
      <p className="wl-shortcuts__title">{title}</p>
      <dl>
        {shortcuts.map((shortcut) => (
          <div key={shortcut.key} className="wl-shortcuts__item">
            <dt>
              <kbd>{shortcut.key}</kbd>
            </dt>
            <dd>{shortcut.description}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
