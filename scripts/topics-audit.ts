/**
 * `npm run topics:audit [seedsDir]`: print topic coverage, sizes and papers whose only topic is
 * weak, for tuning `seeds/topics.yaml`. Exits 1 when a target of the taxonomy is broken.
 * Runs with Node 24 type stripping (no build step).
 */
import { join, resolve } from 'node:path';
import { buildCatalog } from '../src/lib/enrich/catalog.ts';
import { loadTaxonomy, TopicMatcher } from '../src/lib/enrich/topics.ts';
import { auditTopics, formatAudit } from '../src/lib/enrich/topics-audit.ts';

const seedsDir = resolve(process.argv[2] ?? process.env.LECTERN_SEEDS ?? 'seeds');
const catalog = buildCatalog({ seedsDir, strict: false });
const audit = auditTopics(catalog.papers, new TopicMatcher(loadTaxonomy(join(seedsDir, 'topics.yaml'))));
console.log(formatAudit(audit));
process.exitCode = audit.failures.length === 0 ? 0 : 1;
