import { useEffect, useRef } from 'react';

/** Keys are `KeyboardEvent.key` values: "j", "k", "A" (with Shift), "?", "Escape". */
export type HotkeyMap = Record<string, () => void>;

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  // Checkboxes and buttons take no text, so shortcuts keep working while they have focus.
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}

/**
 * Single-key shortcuts on the document (e.g. the review queue's j/k/a/e/r). Presses while typing in a field,
 * or combined with Ctrl/Alt/Meta, are left alone so browser and text-editing shortcuts keep working.
 */
export function useHotkeys(map: HotkeyMap, enabled = true): void {
  // Reading the latest map through a ref lets callers pass an inline object without re-binding every render.
  const mapRef = useRef(map);
  useEffect(() => {
    mapRef.current = map;
  });

  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing)
        return;
      if (isTypingTarget(event.target)) return;
      const handler = mapRef.current[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
