import { describe, expect, it } from 'vitest';
import { hasCodeLink, paperCollections } from '../../src/lib/site/search-facets.ts';
import {
  COALESCE_MS,
  historyAction,
  parseSearchParams,
  sameState,
  toSearchParams,
  type FacetParam,
} from '../../src/lib/site/search-url.ts';

const facets: FacetParam[] = [
  { param: 'topic', filter: 'topic', values: { robotics: 'Robotics and manipulation', 'model-based-rl': 'Model-based RL and world models' } },
  { param: 'collection', filter: 'collection', values: { 'hf-papers': 'hf-papers' } },
  { param: 'code', filter: 'code', values: { yes: 'Links to code' } },
];

describe('parseSearchParams', () => {
  it('restores query and facets from a shared URL', () => {
    expect(parseSearchParams('?q=world+models&topic=robotics', facets)).toEqual({
      query: 'world models',
      filters: { topic: ['Robotics and manipulation'] },
    });
  });
  it('reads repeated parameters as several values, once each', () => {
    const s = parseSearchParams('topic=robotics&topic=model-based-rl&topic=robotics&code=yes', facets);
    expect(s.filters).toEqual({ topic: ['Robotics and manipulation', 'Model-based RL and world models'], code: ['Links to code'] });
  });
  it('accepts a label in place of a slug and drops unknown values', () => {
    const s = parseSearchParams(`topic=${encodeURIComponent('Robotics and manipulation')}&topic=nope&colour=red`, facets);
    expect(s.filters).toEqual({ topic: ['Robotics and manipulation'] });
  });
  it('trims and collapses the query; empty URL is the empty state', () => {
    expect(parseSearchParams('?q=%20%20vision-language-action%20%20%20models ', facets).query).toBe('vision-language-action models');
    expect(parseSearchParams('', facets)).toEqual({ query: '', filters: {} });
  });
});

describe('toSearchParams', () => {
  it('writes slugs, query first, canonical order', () => {
    const url = toSearchParams(
      { query: ' world  models ', filters: { topic: ['Robotics and manipulation', 'Model-based RL and world models'], code: ['Links to code'] } },
      facets,
    );
    expect(url).toBe('?q=world+models&topic=model-based-rl&topic=robotics&code=yes');
  });
  it('round-trips through parseSearchParams', () => {
    const state = { query: 'RLHF', filters: { topic: ['Model-based RL and world models'], collection: ['hf-papers'] } };
    expect(sameState(parseSearchParams(toSearchParams(state, facets), facets), state)).toBe(true);
  });
  it('gives an empty string for the empty state and skips filters it does not know', () => {
    expect(toSearchParams({ query: '  ', filters: { topic: [], other: ['x'] } }, facets)).toBe('');
  });
});

describe('historyAction', () => {
  const a = { query: 'world', filters: {} };
  it('does nothing when nothing changed', () => {
    expect(historyAction(a, { query: 'world ', filters: { topic: [] } }, 0)).toBe('none');
  });
  it('pushes facet changes, even right after typing', () => {
    expect(historyAction(a, { query: 'world', filters: { topic: ['Robotics and manipulation'] } }, 10)).toBe('push');
  });
  it('coalesces quick query edits and pushes a query typed later', () => {
    expect(historyAction(a, { query: 'world models', filters: {} }, COALESCE_MS - 1)).toBe('replace');
    expect(historyAction(a, { query: 'world models', filters: {} }, Infinity)).toBe('push');
  });
});

describe('search facets', () => {
  it('detects code links on GitHub, GitLab and Hugging Face, not bare mentions', () => {
    expect(hasCodeLink('Code: https://github.com/facebookresearch/mtm')).toBe(true);
    expect(hasCodeLink('see github.com/gkahn13/gcg.')).toBe(true);
    expect(hasCodeLink('weights at https://huggingface.co/org/model and more')).toBe(true);
    expect(hasCodeLink('(https://gitlab.com/group/repo)')).toBe(true);
    expect(hasCodeLink('Code is available on GitHub.')).toBe(false);
    expect(hasCodeLink('notgithub.com/x')).toBe(false);
  });
  it('names collections after their seed file and lists each once', () => {
    const names = new Map([['world-models', 'World models and model-based RL'], ['uc-berkeley', 'UC Berkeley on arXiv']]);
    expect(paperCollections(['world-models', 'uc-berkeley', 'world-models'], names)).toEqual(['World models and model-based RL', 'UC Berkeley on arXiv']);
    expect(paperCollections(['unknown-slug'], names)).toEqual(['unknown-slug']);
  });
});

describe('dev index status', () => {
  it('is missing without an index, stale when a seed is newer, fresh after a build', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, utimesSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { indexStatus } = await import('../../src/integrations/pagefind.ts');
    const dir = mkdtempSync(join(tmpdir(), 'lectern-index-'));
    const index = join(dir, 'pagefind');
    const seeds = join(dir, 'seeds');
    mkdirSync(seeds);
    writeFileSync(join(seeds, 'a.txt'), 'x');
    expect(indexStatus(index, seeds).state).toBe('missing');
    mkdirSync(index);
    writeFileSync(join(index, 'pagefind-entry.json'), '{}');
    utimesSync(join(seeds, 'a.txt'), new Date(), new Date(Date.now() + 60_000));
    const stale = indexStatus(index, seeds);
    expect(stale.state).toBe('stale');
    expect(stale.message).toContain('a.txt');
    utimesSync(join(seeds, 'a.txt'), new Date(), new Date(Date.now() - 60_000));
    expect(indexStatus(index, seeds).state).toBe('fresh');
  });
});

describe('search records (what Pagefind indexes per paper)', () => {
  const topicNames = new Map([['rl', 'Reinforcement learning'], ['robotics', 'Robotics and manipulation']]);
  const collectionNames = new Map([['hf-2024', 'Hugging Face daily papers']]);
  const paper = {
    slug: 'a-b',
    titleText: "<script>alert('t')</script> & E2GAN",
    titleSource: 'derived' as const,
    abstract: 'We reach $O(1/t)$ with \\emph{baselines}. Code: https://github.com/u/r. <img src=x onerror=alert(1)>',
    keyphrases: ['policy gradient', 'baselines'],
    topics: ['rl', 'robotics'],
    collections: ['hf-2024'],
  };

  it('indexes title (weighted), keyphrases and the abstract as text, escaped', async () => {
    const { searchRecord, TITLE_WEIGHT } = await import('../../src/lib/site/search-record.ts');
    const { scanHtml } = await import('../../src/lib/quality/html.ts');
    const { url, content } = searchRecord(paper, topicNames, collectionNames);
    expect(url).toBe('/papers/a-b/');
    expect(content).toContain(`<h1 data-pagefind-meta="title" data-pagefind-weight="${TITLE_WEIGHT}">&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; E2GAN</h1>`);
    expect(content).toContain('<ul><li>policy gradient</li><li>baselines</li></ul>');
    // Order shapes result excerpts: title, then the abstract's prose, keyphrases last.
    expect(content.indexOf('<h1')).toBeLessThan(content.indexOf('<p>'));
    expect(content.indexOf('<p>')).toBeLessThan(content.indexOf('<ul>'));
    // Math and macros as the text a reader sees; seed markup stays text.
    expect(content).toContain('We reach O(1/t) with baselines.');
    expect(content).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const facts = scanHtml(content);
    expect(facts.inlineScripts).toEqual([]);
    expect(facts.eventHandlers).toEqual([]);
  });

  it('declares the facet filters and metadata the search page shows', async () => {
    const { searchRecord } = await import('../../src/lib/site/search-record.ts');
    const { content } = searchRecord(paper, topicNames, collectionNames);
    const filters = [...content.matchAll(/data-pagefind-filter="(\w+)">([^<]*)</g)].map((m) => `${m[1]}=${m[2]}`);
    expect(filters).toEqual(['topic=Reinforcement learning', 'topic=Robotics and manipulation', 'collection=Hugging Face daily papers', 'code=Links to code', 'title=Derived from the abstract']);
    expect(content).toContain('<span data-pagefind-meta="derived">true</span>');
    // Filters sit in an ignored region: their words are not indexed as body text.
    expect(content).toMatch(/<div data-pagefind-ignore><span data-pagefind-filter="topic">/);
    const seed = searchRecord({ ...paper, titleSource: 'seed', abstract: 'No links here.' }, topicNames, collectionNames).content;
    expect(seed).not.toContain('data-pagefind-filter="code"');
    expect(seed).toContain('data-pagefind-filter="title">Given in the source<');
    expect(seed).not.toContain('data-pagefind-meta="derived"');
  });
});
