import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { KeyboardShortcuts } from './keyboard-shortcuts.js';
import { useHotkeys, type HotkeyMap } from './use-hotkeys.js';

function Queue({ map, enabled }: { map: HotkeyMap; enabled?: boolean }) {
  useHotkeys(map, enabled);
  return (
    <div>
      <input aria-label="Search" />
      <textarea aria-label="Summary" />
      <input type="checkbox" aria-label="Select" />
      <div contentEditable aria-label="Notes" role="textbox" />
      <button type="button">Approve</button>
    </div>
  );
}

function setup(enabled?: boolean) {
  const map = { j: vi.fn(), k: vi.fn(), a: vi.fn(), e: vi.fn(), r: vi.fn() };
  const view = render(<Queue map={map} enabled={enabled} />);
  return { map, ...view };
}

describe('useHotkeys', () => {
  it('calls the handler for a mapped key pressed on the page', () => {
    const { map } = setup();
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Approve' }), { key: 'a' });
    expect(map.j).toHaveBeenCalledTimes(1);
    expect(map.a).toHaveBeenCalledTimes(1);
    expect(map.k).not.toHaveBeenCalled();
  });

  it('ignores presses inside inputs, textareas and editable regions', () => {
    const { map } = setup();
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Search' }), { key: 'j' });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Summary' }), { key: 'k' });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Notes' }), { key: 'e' });
    expect(map.j).not.toHaveBeenCalled();
    expect(map.k).not.toHaveBeenCalled();
    expect(map.e).not.toHaveBeenCalled();
  });

  it('still works while a checkbox has focus', () => {
    const { map } = setup();
    fireEvent.keyDown(screen.getByRole('checkbox'), { key: 'r' });
    expect(map.r).toHaveBeenCalledTimes(1);
  });

  it('leaves modified keys to the browser', () => {
    const { map } = setup();
    fireEvent.keyDown(document.body, { key: 'r', ctrlKey: true });
    fireEvent.keyDown(document.body, { key: 'r', metaKey: true });
    expect(map.r).not.toHaveBeenCalled();
  });

  it('does nothing while disabled and unbinds on unmount', () => {
    const { map, rerender, unmount } = setup(false);
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(map.j).not.toHaveBeenCalled();

    rerender(<Queue map={map} enabled />);
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(map.j).toHaveBeenCalledTimes(1);

    unmount();
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(map.j).toHaveBeenCalledTimes(1);
  });

  it('uses the latest handlers without re-binding', () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = render(<Queue map={{ j: first }} />);
    rerender(<Queue map={{ j: second }} />);
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});

describe('KeyboardShortcuts', () => {
  it('lists keys with what they do', () => {
    render(
      <KeyboardShortcuts
        shortcuts={[
          { key: 'j', description: 'Next item' },
          { key: 'a', description: 'Approve' },
        ]}
      />,
    );
    screen.getByRole('region', { name: 'Keyboard shortcuts' });
    expect(screen.getByText('j').tagName).toBe('KBD');
    screen.getByText('Next item');
  });
});
