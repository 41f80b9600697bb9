/**
 * /list/: the saved papers grouped by status, topic filter, bulk actions, export and import.
 * Paper metadata comes from the light `data/papers-index.json`; exports fetch `data/papers.json`
 * (abstracts) on first use. The reading state comes from store.ts.
 */
import './reading.ts';
import { STATUSES, mergeStates, savedByStatus, updateMany, type ReadingState } from '../lib/reading/state.ts';
import type { ExportFormat, ExportPaper } from '../lib/reading/export.ts';
import { CHANGE_EVENT, commit, current, notify } from './store.ts';
import { byTitle } from '../lib/site/format.ts';

/** An entry of `data/papers-index.json`. */
interface IndexPaper {
  id: string;
  url: string;
  /** Title as in the seed (may hold TeX); exports keep it. */
  title: string;
  /** Title as plain text (math and macros read as text): shown and sorted on. */
  titleText: string;
  topics: string[];
  /** Seed files (collections) the paper comes from. */
  files: string[];
}

/** The fields of `data/papers.json` entries exports need beyond the index. */
interface FullPaper {
  id: string;
  slug: string;
  abstract: string;
  /** The paper's own page, from a maintainer override. */
  paperUrl?: string;
}

let full: Promise<Map<string, FullPaper>> | undefined;
/** papers.json, fetched once, on the first export. */
function fullPapers(): Promise<Map<string, FullPaper>> {
  full ??= fetch(root.dataset.papers!).then(async (res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return new Map(((await res.json()) as FullPaper[]).map((p) => [p.id, p]));
  });
  full.catch(() => (full = undefined));
  return full;
}

const root = document.getElementById('reading-list')!;
const ui = root.querySelector<HTMLElement>('[data-list-ui]')!;
const topicFilter = root.querySelector<HTMLSelectElement>('[data-topic-filter]')!;
const selectAll = root.querySelector<HTMLInputElement>('[data-select-all]')!;
const selectedCount = root.querySelector<HTMLElement>('[data-selected-count]')!;
const bulkButtons = [...root.querySelectorAll<HTMLButtonElement>('[data-bulk]')];
const topicNames = new Map([...topicFilter.options].filter((o) => o.value).map((o) => [o.value, o.text]));
const selected = new Set<string>();
let papers = new Map<string, IndexPaper>();

root.querySelector('[data-js-missing]')?.remove();
ui.hidden = false;

/** The ids of saved papers that the index knows, in the site's title order (`byTitle`). */
function sortedIds(ids: string[]): string[] {
  return byTitle(ids.filter((id) => papers.has(id)).map((id) => papers.get(id)!)).map((p) => p.id);
}

function item(p: IndexPaper, note: string): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset.paperCard = '';
  li.dataset.id = p.id;
  li.className = '-mx-2 flex items-start gap-3 border-b border-stone-200 px-2 py-4 data-current:bg-teal-50/60 data-current:ring-2 data-current:ring-teal-600 dark:border-stone-800 dark:data-current:bg-teal-950/40 dark:data-current:ring-teal-400';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.className = 'no-print mt-1.5 shrink-0';
  box.checked = selected.has(p.id);
  box.setAttribute('aria-label', `Select “${p.titleText}”`);
  box.addEventListener('change', () => {
    if (box.checked) selected.add(p.id);
    else selected.delete(p.id);
    syncSelection();
  });
  const body = document.createElement('div');
  body.className = 'min-w-0 flex-1';
  const h = document.createElement('h3');
  h.className = 'font-serif text-lg leading-snug font-semibold';
  const a = document.createElement('a');
  a.href = new URL(p.url, location.href).href; // absolute, so a printed list shows where each paper is
  a.dataset.cardLink = '';
  a.className = 'text-stone-900 dark:text-stone-100';
  a.textContent = p.titleText;
  h.append(a);
  const topics = document.createElement('p');
  topics.className = 'mt-1 text-sm text-stone-600 dark:text-stone-400';
  topics.textContent = p.topics.map((t) => topicNames.get(t) ?? t).join(' · ');
  body.append(h, topics);
  if (note.trim()) {
    const n = document.createElement('blockquote');
    n.dataset.noteText = '';
    n.className = 'mt-2 border-l-4 border-amber-300 pl-3 text-sm whitespace-pre-line text-stone-800 dark:border-amber-700 dark:text-stone-200';
    n.textContent = note;
    body.append(n);
  }
  const controls = document.createElement('reading-controls');
  controls.dataset.paper = p.id;
  controls.dataset.variant = 'compact';
  controls.className = 'mt-2 block';
  body.append(controls);
  li.append(box, body);
  return li;
}

function visibleIds(): string[] {
  return [...root.querySelectorAll<HTMLElement>('[data-group] li[data-id]')].map((li) => li.dataset.id!);
}

function syncSelection(): void {
  const shown = new Set(visibleIds());
  for (const id of [...selected]) if (!shown.has(id)) selected.delete(id);
  selectedCount.textContent = selected.size ? `${selected.size} selected` : '';
  for (const b of bulkButtons) b.disabled = selected.size === 0;
  selectAll.checked = shown.size > 0 && selected.size === shown.size;
  selectAll.indeterminate = selected.size > 0 && selected.size < shown.size;
}

function render(): void {
  const state = current();
  const groups = savedByStatus(state);
  const filter = topicFilter.value;
  const total = STATUSES.reduce((n, s) => n + sortedIds(groups[s]).length, 0);
  let shownTotal = 0;
  for (const s of STATUSES) {
    const section = root.querySelector<HTMLElement>(`[data-group="${s}"]`)!;
    const ids = sortedIds(groups[s]).filter((id) => !filter || papers.get(id)!.topics.includes(filter));
    shownTotal += ids.length;
    section.hidden = ids.length === 0;
    section.querySelector('[data-count]')!.textContent = `(${ids.length})`;
    section.querySelector('[data-items]')!.replaceChildren(...ids.map((id) => item(papers.get(id)!, state.papers[id]!.note)));
  }
  root.querySelector<HTMLElement>('[data-empty]')!.hidden = total > 0;
  root.querySelector<HTMLElement>('[data-filter-empty]')!.hidden = total === 0 || shownTotal > 0;
  syncSelection();
}

topicFilter.addEventListener('change', render);
selectAll.addEventListener('change', () => {
  for (const id of visibleIds()) if (selectAll.checked) selected.add(id);
  else selected.delete(id);
  for (const box of root.querySelectorAll<HTMLInputElement>('[data-group] li input[type=checkbox]')) box.checked = selectAll.checked;
  syncSelection();
});
for (const b of bulkButtons) {
  b.addEventListener('click', () => {
    const ids = [...selected];
    if (!ids.length) return;
    commit(updateMany(current(), ids, b.dataset.bulk === 'read' ? { status: 'read' } : { saved: false }));
    selected.clear();
    notify(b.dataset.bulk === 'read' ? `Marked ${ids.length} as read.` : `Removed ${ids.length} from your list.`);
  });
}

/* ---- export ---- */

function scopePapers(scope: string, state: ReadingState): { list: IndexPaper[]; label: string } {
  const all = byTitle([...papers.values()]);
  if (scope.startsWith('topic:')) {
    const slug = scope.slice(6);
    return { list: all.filter((p) => p.topics.includes(slug)), label: `Topic: ${topicNames.get(slug) ?? slug}` };
  }
  if (scope.startsWith('collection:')) {
    const file = scope.slice(11);
    return { list: all.filter((p) => p.files.includes(file)), label: `Collection: ${file}` };
  }
  const groups = savedByStatus(state);
  return { list: STATUSES.flatMap((s) => sortedIds(groups[s]).map((id) => papers.get(id)!)), label: 'My saved papers' };
}

async function exportAs(format: ExportFormat): Promise<void> {
  let lib: typeof import('../lib/reading/export.ts');
  let details: Map<string, FullPaper>;
  try {
    [lib, details] = await Promise.all([import('../lib/reading/export.ts'), fullPapers()]);
  } catch (err) {
    notify(`Could not prepare the export (${(err as Error).message}).`, 'error');
    return;
  }
  const state = current();
  const scope = root.querySelector<HTMLSelectElement>('[data-export-scope]')!.value;
  const { list, label } = scopePapers(scope, state);
  if (!list.length) {
    notify('Nothing to export: your list is empty.', 'error');
    return;
  }
  const rows: ExportPaper[] = list.map((p) => ({
    id: p.id,
    slug: details.get(p.id)?.slug ?? p.url.replace(/\/$/, '').split('/').pop()!,
    title: p.title,
    abstract: details.get(p.id)?.abstract ?? '',
    url: new URL(p.url, location.href).href,
    topics: p.topics.map((t) => topicNames.get(t) ?? t),
    paperUrl: details.get(p.id)?.paperUrl,
  }));
  const text =
    format === 'bibtex' ? lib.toBibTeX(rows, state)
    : format === 'markdown' ? lib.toMarkdown(rows, state, `Lectern — ${label}`)
    : format === 'csv' ? lib.toCsv(rows, state)
    : lib.toJson(rows, state, label);
  const f = lib.EXPORT_FORMATS[format];
  const name = `lectern-${scope.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '').toLowerCase()}.${f.ext}`;
  const url = URL.createObjectURL(new Blob([text], { type: `${f.mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  notify(`Exported ${list.length} ${list.length === 1 ? 'paper' : 'papers'} as ${f.label}.`);
}

for (const b of root.querySelectorAll<HTMLButtonElement>('[data-export]')) {
  b.addEventListener('click', () => void exportAs(b.dataset.export as ExportFormat));
}

/* ---- import ---- */

const importInput = root.querySelector<HTMLInputElement>('[data-import]')!;
const importMessage = root.querySelector<HTMLElement>('[data-import-message]')!;
importInput.addEventListener('change', async () => {
  const file = importInput.files?.[0];
  if (!file) return;
  const { parseImport } = await import('../lib/reading/export.ts');
  const result = parseImport(await file.text());
  importInput.value = '';
  if (!result.ok) {
    importMessage.textContent = `Import failed: ${result.error}`;
    importMessage.className = 'mt-2 text-sm font-medium text-red-800 dark:text-red-300';
    return;
  }
  commit(mergeStates(current(), result.state));
  importMessage.textContent = `Imported reading state for ${result.count} ${result.count === 1 ? 'paper' : 'papers'}.`;
  importMessage.className = 'mt-2 text-sm font-medium text-teal-800 dark:text-teal-300';
});

/* ---- start ---- */

const params = new URLSearchParams(location.search);
const wanted = params.get('export');
if (wanted) {
  const scopeSelect = root.querySelector<HTMLSelectElement>('[data-export-scope]')!;
  if ([...scopeSelect.options].some((o) => o.value === wanted)) {
    scopeSelect.value = wanted;
    scopeSelect.focus();
    document.getElementById('export-heading')?.scrollIntoView();
  }
}

fetch(root.dataset.index!)
  .then(async (res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    papers = new Map(((await res.json()) as IndexPaper[]).map((p) => [p.id, p]));
    render();
    root.dataset.ready = '';
    document.addEventListener(CHANGE_EVENT, render);
  })
  .catch((err: unknown) => notify(`Could not load the paper index (${(err as Error).message}).`, 'error'));
