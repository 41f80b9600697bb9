/**
 * Browser side of the reading state: loads it from `localStorage`, writes changes back, tells the
 * page (`lectern:reading` event on `document`) and follows other tabs (`storage` event).
 * Corrupt or foreign stored data is ignored with a visible message and backed up under
 * `<key>:backup` before the first overwrite, so nothing is lost.
 */
import { STORAGE_KEY, parseState, serializeState, type ReadingState } from '../lib/reading/state.ts';

/** Event fired on `document` after every change (local or from another tab). */
export const CHANGE_EVENT = 'lectern:reading';

let state: ReadingState;
/** Raw stored value that failed validation; backed up before it is overwritten. */
let rejected: string | null = null;

/** Show a short message in a live region (created on first use). */
export function notify(message: string, kind: 'info' | 'error' = 'info'): void {
  let box = document.getElementById('reading-message');
  if (!box) {
    box = document.createElement('div');
    box.id = 'reading-message';
    box.setAttribute('role', 'status');
    box.className = 'no-print fixed right-4 bottom-4 z-50 max-w-sm rounded-md px-4 py-3 text-sm shadow-lg';
    document.body.append(box);
  }
  box.dataset.kind = kind;
  box.classList.toggle('bg-red-800', kind === 'error');
  box.classList.toggle('bg-stone-800', kind === 'info');
  box.classList.add('text-white');
  box.textContent = message;
  box.hidden = false;
  window.clearTimeout(Number(box.dataset.timer));
  box.dataset.timer = String(window.setTimeout(() => (box.hidden = true), kind === 'error' ? 12_000 : 4_000));
}

function load(): void {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    notify('This browser blocks local storage, so saved papers are kept for this page only.', 'error');
  }
  const parsed = parseState(raw);
  state = parsed.state;
  if (parsed.warning) {
    rejected = raw;
    notify(parsed.warning, 'error');
  } else rejected = null;
}

/** The current state (read-only; change it with {@link commit}). */
export function current(): ReadingState {
  return state;
}

/** Store a new state, notify the page. */
export function commit(next: ReadingState): void {
  state = next;
  try {
    if (rejected !== null) {
      localStorage.setItem(`${STORAGE_KEY}:backup`, rejected);
      rejected = null;
    }
    localStorage.setItem(STORAGE_KEY, serializeState(next));
  } catch {
    notify('Could not store your reading list in this browser (storage full or blocked).', 'error');
  }
  document.dispatchEvent(new CustomEvent(CHANGE_EVENT));
}

load();
window.addEventListener('storage', (e) => {
  if (e.key === STORAGE_KEY || e.key === null) {
    load();
    document.dispatchEvent(new CustomEvent(CHANGE_EVENT));
  }
});
