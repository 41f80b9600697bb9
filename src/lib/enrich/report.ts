/**
 * The ingest report as a table: one row per source (seed file) plus a total row. Shared by
 * `npm run report` (plain-text table) and the `/stats/` page (HTML table), so both show the same.
 */
import type { IngestReport } from './catalog.ts';

/** The columns of the report table, in display order. */
export const REPORT_COLUMNS = [
  { key: 'source', label: 'Source', numeric: false },
  { key: 'format', label: 'Format', numeric: false },
  { key: 'lines', label: 'Lines', numeric: true },
  { key: 'records', label: 'Records', numeric: true },
  { key: 'papers', label: 'Papers', numeric: true },
  { key: 'duplicates', label: 'Duplicates', numeric: true },
  { key: 'boilerplate', label: 'Boilerplate', numeric: true },
  { key: 'blank', label: 'Blank', numeric: true },
  { key: 'warnings', label: 'Warnings', numeric: true },
  { key: 'derivedTitles', label: 'Derived titles', numeric: true },
  { key: 'truncated', label: 'Truncated', numeric: true },
] as const;

/** A column key of {@link REPORT_COLUMNS}. */
export type ReportColumn = (typeof REPORT_COLUMNS)[number]['key'];

/** One row: text for `source` and `format`, counts for the rest. */
export type ReportRow = { source: string; format: string } & Record<Exclude<ReportColumn, 'source' | 'format'>, number>;

/**
 * Rows of the report table: one per source in file-name order, then a `Total` row. Skipped files
 * (not readable as text) get a row with format `skipped` and one warning.
 *
 * Per source, `papers` counts the papers first seen in that source, so the `papers` column sums to
 * the catalog's paper count and `records = papers + duplicates` on every row.
 *
 * @param report - the catalog's ingest report.
 */
export function reportRows(report: IngestReport): { rows: ReportRow[]; total: ReportRow } {
  const rows: ReportRow[] = report.sources.map((s) => ({
    source: s.file,
    format: s.format,
    lines: s.lines,
    records: s.records,
    papers: s.papers,
    duplicates: s.duplicates,
    boilerplate: s.boilerplateLines,
    blank: s.blankLines,
    warnings: s.warnings.length,
    derivedTitles: s.derivedTitles,
    truncated: s.truncated,
  }));
  for (const k of report.skipped) {
    rows.push({ source: k.file, format: 'skipped', lines: 0, records: 0, papers: 0, duplicates: 0, boilerplate: 0, blank: 0, warnings: 1, derivedTitles: 0, truncated: 0 });
  }
  rows.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const total: ReportRow = { source: 'Total', format: '', lines: 0, records: 0, papers: 0, duplicates: 0, boilerplate: 0, blank: 0, warnings: 0, derivedTitles: 0, truncated: 0 };
  for (const r of rows) {
    for (const c of REPORT_COLUMNS) if (c.numeric) total[c.key] += r[c.key];
  }
  return { rows, total };
}

/**
 * Render rows as a plain-text table with padded columns: text left-aligned, numbers
 * right-aligned, a rule under the header and above the total.
 *
 * @param rows - body rows.
 * @param total - the total row.
 * @returns the table, lines joined with `\n`, no trailing newline.
 */
export function formatTextTable(rows: readonly ReportRow[], total: ReportRow): string {
  const cells = (r: ReportRow) => REPORT_COLUMNS.map((c) => String(r[c.key]));
  const header = REPORT_COLUMNS.map((c) => c.label);
  const body = rows.map(cells);
  const foot = cells(total);
  const widths = header.map((h, i) => Math.max(h.length, foot[i]!.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (REPORT_COLUMNS[i]!.numeric ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...body.map(line), rule, line(foot)].join('\n');
}
