/**
 * `<reading-controls data-paper="<id>" data-variant="full|compact">`: save (star), status and
 * private note for one paper, built only when JavaScript runs (progressive enhancement). Also the
 * listing keyboard shortcuts (j/k/s/?).
 */
import { STATUSES, STATUS_LABELS, entryOf, toggleSaved, update } from '../lib/reading/state.ts';
import { CHANGE_EVENT, commit, current, notify } from './store.ts';

let uid = 0;

const BUTTON = 'inline-flex items-center gap-1 rounded-md px-2.5 py-1 text-sm font-medium ring-1 ring-stone-300 hover:bg-stone-100 aria-pressed:bg-amber-100 aria-pressed:ring-amber-400 dark:ring-stone-700 dark:hover:bg-stone-800 dark:aria-pressed:bg-amber-950 dark:aria-pressed:ring-amber-700';
const FIELD = 'rounded-md border border-stone-300 bg-white px-2 py-1 text-sm text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100';

class ReadingControls extends HTMLElement {
  #button?: HTMLButtonElement;
  #status?: HTMLSelectElement;
  #note?: HTMLTextAreaElement;
  #onChange = (): void => this.render();

  connectedCallback(): void {
    const id = this.dataset.paper;
    if (!id || this.#button) return;
    const n = ++uid;
    const full = this.dataset.variant === 'full';
    const options = STATUSES.map((s) => `<option value="${s}">${STATUS_LABELS[s]}</option>`).join('');
    this.innerHTML = `<div class="flex flex-wrap items-center gap-2 text-sm">
      <button type="button" class="${BUTTON}" data-save aria-pressed="false"><span aria-hidden="true" data-star>☆</span> <span data-label>Save</span></button>
      <label class="inline-flex items-center gap-1"><span class="${full ? '' : 'sr-only'}">Status</span>
        <select class="${FIELD}" data-status>${options}</select></label>
      ${full ? '' : `<details class="group"><summary class="cursor-pointer rounded px-1 text-stone-700 dark:text-stone-300">Note</summary></details>`}
    </div>`;
    const note = document.createElement('div');
    note.className = full ? 'mt-3' : 'mt-2';
    note.innerHTML = `<label for="note-${n}" class="block text-sm font-medium">Private note <span class="font-normal text-stone-600 dark:text-stone-400">(kept in this browser only)</span></label>
      <textarea id="note-${n}" rows="${full ? 3 : 2}" maxlength="10000" class="${FIELD} mt-1 w-full" data-note></textarea>`;
    (full ? this : this.querySelector('details')!).append(note);
    this.#button = this.querySelector<HTMLButtonElement>('[data-save]')!;
    this.#status = this.querySelector<HTMLSelectElement>('[data-status]')!;
    this.#note = this.querySelector<HTMLTextAreaElement>('[data-note]')!;
    this.#button.addEventListener('click', () => this.toggle());
    this.#status.addEventListener('change', () => commit(update(current(), id, { status: this.#status!.value as (typeof STATUSES)[number] })));
    this.#note.addEventListener('change', () => {
      commit(update(current(), id, { note: this.#note!.value }));
      notify('Note saved.');
    });
    // In listings many controls share a name ("Save"): describe each by its paper's title.
    const title = this.closest('[data-paper-card]')?.querySelector<HTMLElement>('[data-card-link]');
    if (title) {
      title.id ||= `paper-title-${n}`;
      for (const el of [this.#button, this.#status, this.#note]) el.setAttribute('aria-describedby', title.id);
    }
    document.addEventListener(CHANGE_EVENT, this.#onChange);
    this.render();
  }

  disconnectedCallback(): void {
    document.removeEventListener(CHANGE_EVENT, this.#onChange);
  }

  /** Toggle the saved flag of this paper. */
  toggle(): void {
    const id = this.dataset.paper!;
    commit(toggleSaved(current(), id));
    notify(entryOf(current(), id)?.saved ? 'Saved to your list.' : 'Removed from your list.');
  }

  render(): void {
    const entry = entryOf(current(), this.dataset.paper!);
    const saved = entry?.saved === true;
    this.#button!.setAttribute('aria-pressed', String(saved));
    this.#button!.querySelector('[data-star]')!.textContent = saved ? '★' : '☆';
    this.#button!.querySelector('[data-label]')!.textContent = saved ? 'Saved' : 'Save';
    this.#status!.value = entry?.status ?? 'to-read';
    this.#status!.classList.toggle('opacity-60', !saved);
    if (document.activeElement !== this.#note) this.#note!.value = entry?.note ?? '';
    this.closest('[data-paper-card]')?.toggleAttribute('data-saved', saved);
  }
}

if (!customElements.get('reading-controls')) customElements.define('reading-controls', ReadingControls);

/* ---- Keyboard shortcuts in listings: j/k move, s save, ? help ---- */

const HELP = [
  ['j', 'Next paper'],
  ['k', 'Previous paper'],
  ['s', 'Save / unsave the current paper'],
  ['Enter', 'Open the current paper'],
  ['?', 'Show this help'],
];
let currentCard: HTMLElement | null = null;

function cards(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-paper-card]')].filter((c) => c.offsetParent !== null);
}

function move(delta: number): void {
  const all = cards();
  if (!all.length) return;
  const at = currentCard ? all.indexOf(currentCard) : -1;
  const next = all[Math.max(0, Math.min(all.length - 1, at < 0 ? (delta > 0 ? 0 : all.length - 1) : at + delta))]!;
  currentCard?.removeAttribute('data-current');
  currentCard = next;
  next.setAttribute('data-current', '');
  (next.querySelector<HTMLElement>('[data-card-link]') ?? next).focus();
  next.scrollIntoView({ block: 'nearest' });
}

function help(): void {
  let dialog = document.getElementById('shortcut-help') as HTMLDialogElement | null;
  if (!dialog) {
    dialog = document.createElement('dialog');
    dialog.id = 'shortcut-help';
    dialog.setAttribute('aria-labelledby', 'shortcut-help-title');
    dialog.className = 'rounded-lg bg-white p-6 text-stone-900 shadow-xl backdrop:bg-black/40 dark:bg-stone-900 dark:text-stone-100';
    dialog.innerHTML = `<h2 id="shortcut-help-title" class="font-serif text-xl font-semibold">Keyboard shortcuts</h2>
      <dl class="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">${HELP.map(([k, d]) => `<dt><kbd class="rounded border border-stone-300 px-1.5 font-mono dark:border-stone-600">${k}</kbd></dt><dd>${d}</dd>`).join('')}</dl>
      <form method="dialog" class="mt-4"><button class="${BUTTON}">Close</button></form>`;
    document.body.append(dialog);
  }
  dialog.showModal();
}

/** A one-line hint above the first listing, so the shortcuts can be discovered. */
function addHint(): void {
  const list = document.querySelector('[data-paper-card]')?.parentElement;
  if (!list || document.getElementById('shortcut-hint')) return;
  const hint = document.createElement('p');
  hint.id = 'shortcut-hint';
  hint.className = 'no-print mt-3 hidden text-xs text-stone-600 sm:block dark:text-stone-400';
  hint.innerHTML = 'Keyboard: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>s</kbd> save, <kbd>?</kbd> all shortcuts.';
  list.before(hint);
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', addHint);
else addHint();

document.addEventListener('keydown', (e) => {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target as HTMLElement | null;
  if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
  if (document.querySelector('dialog[open]')) return;
  if (!cards().length) return;
  if (currentCard && !currentCard.isConnected) currentCard = null;
  if (!currentCard && document.activeElement) currentCard = (document.activeElement as HTMLElement).closest<HTMLElement>('[data-paper-card]');
  if (e.key === 'j') move(1);
  else if (e.key === 'k') move(-1);
  else if (e.key === 's' && currentCard) currentCard.querySelector<ReadingControls>('reading-controls')?.toggle();
  else if (e.key === '?') help();
  else return;
  e.preventDefault();
});
