import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { RANKING } from '../../src/lib/site/search-facets.ts';
import { builtPapers } from './helpers.ts';

/**
 * Relevance: queries a researcher would type, run through Pagefind's JS API on the built site with
 * the ranking options the search UI uses (RANKING); the expected paper must be in the top 3.
 * Each expected paper is named by a distinctive piece of its title, and chosen for a reason given
 * alongside (not by looking at what Pagefind returns).
 */
interface Case {
  kind: string;
  query: string;
  /** A substring of the expected paper's title (case-sensitive)… */
  title: string;
  /** …or, for derived titles (their wording may change with the titling rules), of its abstract. */
  abstract?: string;
  why: string;
}

const CASES: Case[] = [
  { kind: 'single word', query: 'dextrose', title: 'Require Process Control? LSTMc', why: 'the only abstract with the word' },
  { kind: 'single word', query: 'Hamiltonian', title: 'with Hamiltonian Sequential Monte Carlo', why: 'the word is in its title' },
  { kind: 'single word', query: 'quadruped', title: 'Elastic Actuators for Quadruped Locomotion', why: 'title match must beat the many abstracts that mention quadrupeds' },
  { kind: 'phrase', query: 'masked trajectory models', title: 'Masked Trajectory Models for Prediction', why: 'its title' },
  { kind: 'phrase', query: 'policy guided diffusion', title: 'Policy-Guided Diffusion', why: 'its title, typed without the hyphen' },
  { kind: 'phrase', query: 'universal Turing machine', title: '(derived)', abstract: 'universal Turing machine', why: 'the only abstract simulating a universal Turing machine (derived title)' },
  { kind: 'phrase', query: 'world model backbones', title: 'Facing Off World Model Backbones', why: 'its title' },
  { kind: 'plural/stem', query: 'object piles', title: 'Object Pile Manipulation', why: 'plural query, singular title' },
  { kind: 'plural/stem', query: 'elastic actuator', title: 'Elastic Actuators for Quadruped Locomotion', why: 'singular query, plural title' },
  { kind: 'plural/stem', query: 'mamba forecasting', title: 'Is Mamba Effective for Time Series Forecasting', why: 'its title words' },
  { kind: 'hyphenated', query: 'vision-language-action', title: 'OpenVLA: An Open-Source Vision-Language-Action Model', why: 'the term is in its title' },
  { kind: 'hyphenated', query: 'vision-language-action', title: 'TinyVLA', why: 'the term is in its title too' },
  { kind: 'hyphenated', query: 'hyper-heuristics', title: 'ReEvo: Large Language Models as Hyper-Heuristics', why: 'the term is in its title' },
  { kind: 'acronym', query: 'RLHF', title: 'Efficient RLHF: Reducing the Memory Usage of PPO', why: 'the acronym is in its title' },
  { kind: 'acronym', query: 'MPC', title: 'Gradient-free Model Predictive Control Based on Cross-entrop', why: 'MPC paper whose abstract says MPC most often' },
  { kind: 'acronym', query: 'SSM', title: 'SMR: State Memory Replay', why: 'the abstract that says SSM most often (7 times)' },
  { kind: 'acronym', query: 'OpenVLA', title: 'OpenVLA: An Open-Source', why: 'a model name' },
  { kind: 'inside math', query: 'SAILOR', title: 'Skilled $\\texttt{SAILOR}$', why: 'in its title the word exists only inside $\\texttt{…}$ math' },
  { kind: 'code identifier', query: 'decentCEM', title: '(derived)', abstract: 'github.com/vincentzhang/decentCEM', why: 'its repository name (derived title)' },
];

test('each query finds its expected paper in the top 3', async ({ page }) => {
  const papers = builtPapers();
  const expected = CASES.map((c) => {
    const hits = papers.filter((p) => (c.abstract ? p.abstract.includes(c.abstract) : p.title.includes(c.title)));
    expect(hits, `exactly one paper like "${c.abstract ?? c.title}"`).toHaveLength(1);
    return hits[0]!.url;
  });
  await page.goto('/search/');
  const ranked = await page.evaluate(
    async ({ queries, ranking, bundle }) => {
      const pagefind = await import(`${bundle}pagefind.js`);
      await pagefind.options({ ranking });
      const out: string[][] = [];
      for (const q of queries) {
        const r = await pagefind.search(q);
        const data = await Promise.all(r.results.slice(0, 10).map((x: { data: () => Promise<{ url: string }> }) => x.data()));
        out.push(data.map((d: { url: string }) => new URL(d.url, location.origin).pathname));
      }
      return out;
    },
    { queries: CASES.map((c) => c.query), ranking: RANKING, bundle: '/pagefind/' },
  );
  const report = CASES.map((c, i) => ({ ...c, expected: expected[i], rank: ranked[i]!.indexOf(expected[i]!) + 1 || null, top3: ranked[i]!.slice(0, 3) }));
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/search-relevance.json', JSON.stringify(report, null, 2));
  for (const r of report) {
    expect.soft(r.rank, `"${r.query}" (${r.kind}) should rank ${r.title} in the top 3; got ${r.top3.join(', ')}`).not.toBeNull();
    expect.soft(r.rank ?? 99, `"${r.query}" (${r.kind}): ${r.title}`).toBeLessThanOrEqual(3);
  }
  expect(CASES.length).toBeGreaterThanOrEqual(15);
});

test('a title match ranks above papers that only mention the word in the abstract', async ({ page }) => {
  // "quadruped": one paper has it in the title, several others only in the abstract.
  const papers = builtPapers();
  const inTitle = papers.filter((p) => /quadruped/i.test(p.title)).map((p) => p.url);
  const abstractOnly = papers.filter((p) => !/quadruped/i.test(p.title) && /quadruped/i.test(p.abstract));
  expect(inTitle.length).toBeGreaterThan(0);
  expect(abstractOnly.length).toBeGreaterThanOrEqual(3);
  await page.goto('/search/');
  const urls = await page.evaluate(async ({ ranking }) => {
    const pagefind = await import('/pagefind/pagefind.js' as string);
    await pagefind.options({ ranking });
    const r = await pagefind.search('quadruped');
    const data = await Promise.all(r.results.map((x: { data: () => Promise<{ url: string }> }) => x.data()));
    return data.map((d: { url: string }) => d.url);
  }, { ranking: RANKING });
  expect(urls.slice(0, inTitle.length).sort()).toEqual([...inTitle].sort());
});
