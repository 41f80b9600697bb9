/**
 * `npm run report`: print the ingest report of `seeds/` (or `LECTERN_SEEDS`) as a table, without
 * building the site. Runs on Node's native TypeScript type-stripping (`node scripts/report.ts`).
 *
 * Options: `--json` prints the report as `/data/report.json` would hold it.
 * Exit status: 0; 1 when `LECTERN_STRICT=1` and ingest reported a warning or skipped a file (the
 * table and the warnings are printed first); 2 when the catalog cannot be built (invalid taxonomy or
 * overrides), with the message.
 */
import { resolve } from 'node:path';
import { buildCatalog, warningLines, type Catalog } from '../src/lib/enrich/catalog.ts';
import { formatTextTable, reportRows } from '../src/lib/enrich/report.ts';

const seedsDir = resolve(process.env.LECTERN_SEEDS || 'seeds');
/** The catalog, built leniently so the report can show every warning; exits 2 when it cannot be built. */
function load(): Catalog {
  try {
    return buildCatalog({ seedsDir, strict: false });
  } catch (err) {
    console.error(`report: ${(err as Error).message}`);
    process.exit(2);
  }
}
const { report } = load();

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report, null, 1));
} else {
  const { rows, total } = reportRows(report);
  console.log(`Ingest report for ${seedsDir}\n`);
  console.log(formatTextTable(rows, total));
  console.log(
    `\n${report.records} records → ${report.papers} papers (${report.duplicatesMerged} duplicates merged), ` +
      `${report.derivedTitles} derived titles, ${report.truncated} truncated abstracts, ${report.overridden} overridden.`,
  );
  const warnings = warningLines(report);
  if (warnings.length > 0) {
    console.log(`\n${warnings.length} warning(s):`);
    for (const w of warnings) console.log(`  ${w}`);
  } else {
    console.log('No warnings: every line is a paper, boilerplate or blank.');
  }
}

if (process.env.LECTERN_STRICT === '1' && warningLines(report).length > 0) {
  console.error('report: LECTERN_STRICT=1 and ingest reported warnings (see above)');
  process.exit(1);
}
