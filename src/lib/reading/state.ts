/**
 * Reading state of the visitor: which papers are saved (starred), their status (to read / reading /
 * read) and a private note. Pure functions over a plain object; the browser glue
 * (src/scripts/reading.ts) keeps it in `localStorage` under {@link STORAGE_KEY}.
 *
 * Uses `zod/mini` (not classic zod) because this module ships to the browser and mini is
 * tree-shakable (a few kB instead of tens).
 */
import * as z from 'zod/mini';

/** Version of the stored schema; bump it (and add a migration) when the shape changes. */
export const STATE_VERSION = 1;

/** `localStorage` key of the reading state; the version is part of the key and the value. */
export const STORAGE_KEY = 'lectern:reading:v1';

/** Reading statuses in workflow order. */
export const STATUSES = ['to-read', 'reading', 'read'] as const;
export type Status = (typeof STATUSES)[number];

/** Human labels of {@link STATUSES}. */
export const STATUS_LABELS: Record<Status, string> = { 'to-read': 'To read', reading: 'Reading', read: 'Read' };

/** Longest private note kept, in characters (keeps `localStorage`, 5 MB per origin, safe). */
export const NOTE_MAX_LENGTH = 10_000;

/** Paper ids as produced by src/lib/enrich/merge.ts: 12 lowercase hex digits. */
export const paperIdSchema = z.string().check(z.regex(/^[0-9a-f]{12}$/));

/** The state of one paper. `saved: false` entries exist only to keep a note. */
export const entrySchema = z.object({
  saved: z.boolean(),
  status: z.enum(STATUSES),
  note: z.string().check(z.maxLength(NOTE_MAX_LENGTH)),
  /** ISO 8601 time of the last change. */
  updated: z.string(),
});
export type Entry = z.infer<typeof entrySchema>;

/** The whole stored value. */
export const stateSchema = z.object({
  version: z.literal(STATE_VERSION),
  papers: z.record(paperIdSchema, entrySchema),
});
export type ReadingState = z.infer<typeof stateSchema>;

/** A fresh, empty state. */
export function emptyState(): ReadingState {
  return { version: STATE_VERSION, papers: {} };
}

/** Result of {@link parseState}: always a usable state, plus a warning when the input was ignored. */
export interface ParsedState {
  state: ReadingState;
  /** Why the stored value was ignored (corrupt JSON, other version, wrong shape); absent when fine. */
  warning?: string;
}

/**
 * Read a stored value. Never throws: corrupt or foreign data yields an empty state and a warning.
 * @param raw - the `localStorage` string, or `null` when nothing is stored.
 */
export function parseState(raw: string | null): ParsedState {
  if (raw === null || raw === '') return { state: emptyState() };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { state: emptyState(), warning: 'Your saved reading list in this browser is not valid JSON, so it was ignored.' };
  }
  const version = typeof data === 'object' && data !== null ? (data as { version?: unknown }).version : undefined;
  if (version !== STATE_VERSION) {
    return {
      state: emptyState(),
      warning: `Your saved reading list in this browser has an unknown format (version ${JSON.stringify(version) ?? 'missing'}), so it was ignored.`,
    };
  }
  const parsed = stateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      state: emptyState(),
      warning: `Your saved reading list in this browser is damaged (${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}), so it was ignored.`,
    };
  }
  return { state: parsed.data };
}

/** Serialise a state for `localStorage`. */
export function serializeState(state: ReadingState): string {
  return JSON.stringify(state);
}

/** The entry of a paper, or `undefined`. */
export function entryOf(state: ReadingState, id: string): Entry | undefined {
  return Object.hasOwn(state.papers, id) ? state.papers[id] : undefined;
}

/** Is the paper saved? */
export function isSaved(state: ReadingState, id: string): boolean {
  return entryOf(state, id)?.saved === true;
}

/** Drop entries that carry nothing (unsaved and no note). */
function prune(papers: Record<string, Entry>): Record<string, Entry> {
  return Object.fromEntries(Object.entries(papers).filter(([, e]) => e.saved || e.note.trim() !== ''));
}

/**
 * Apply a change to one paper's entry, returning a new state (inputs are not mutated).
 * A new entry starts as `{ saved: true, status: 'to-read', note: '' }`: setting a status or a
 * note saves the paper.
 * @param now - ISO time stamp for `updated` (injected for tests).
 */
export function update(state: ReadingState, id: string, change: Partial<Omit<Entry, 'updated'>>, now: string = new Date().toISOString()): ReadingState {
  const prev: Entry = entryOf(state, id) ?? { saved: true, status: 'to-read', note: '', updated: now };
  const next: Entry = { ...prev, ...change, updated: now };
  if (change.status !== undefined || (change.note !== undefined && change.note.trim() !== '')) {
    if (change.saved === undefined) next.saved = true;
  }
  next.note = next.note.slice(0, NOTE_MAX_LENGTH);
  return { version: STATE_VERSION, papers: prune({ ...state.papers, [id]: next }) };
}

/** Toggle the saved flag (star) of a paper; the note and status are kept. */
export function toggleSaved(state: ReadingState, id: string, now?: string): ReadingState {
  return update(state, id, { saved: !isSaved(state, id) }, now);
}

/** Apply the same change to many papers (bulk actions on /list/). */
export function updateMany(state: ReadingState, ids: readonly string[], change: Partial<Omit<Entry, 'updated'>>, now?: string): ReadingState {
  return ids.reduce((s, id) => update(s, id, change, now), state);
}

/** Saved papers' ids grouped by status, each group in insertion order. */
export function savedByStatus(state: ReadingState): Record<Status, string[]> {
  const groups: Record<Status, string[]> = { 'to-read': [], reading: [], read: [] };
  for (const [id, e] of Object.entries(state.papers)) if (e.saved) groups[e.status].push(id);
  return groups;
}

/**
 * Merge an imported state into the current one: imported entries replace current entries of the
 * same paper; other current entries stay.
 */
export function mergeStates(current: ReadingState, imported: ReadingState): ReadingState {
  return { version: STATE_VERSION, papers: prune({ ...current.papers, ...imported.papers }) };
}
