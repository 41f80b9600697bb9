import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/enrich/catalog.ts';
import { loadTaxonomy, TopicMatcher } from '../../src/lib/enrich/topics.ts';
import { auditTopics, MAX_TOPIC_SHARE, MIN_TOPIC_PAPERS } from '../../src/lib/enrich/topics-audit.ts';
import { terms } from '../../src/lib/enrich/nlp.ts';
import { bm25Space, contentStems, nearestNeighbours, sharedTerms } from '../../src/lib/enrich/related.ts';
import { extractKeyphrases } from '../../src/lib/enrich/keyphrases.ts';
import { layoutMap } from '../../src/lib/enrich/map.ts';
import { buildCollections, defaultCollectionName, loadCollectionsConfig } from '../../src/lib/enrich/collections.ts';
import { mapDots, MAP_SIZE } from '../../src/lib/site/map.ts';

const catalog = buildCatalog({ seedsDir: 'seeds', strict: false });
const byId = new Map(catalog.papers.map((p) => [p.id, p]));

describe('topic quality on the real seeds', () => {
  const audit = auditTopics(catalog.papers, new TopicMatcher(loadTaxonomy('seeds/topics.yaml')));

  it('meets the targets: every paper 1–4 topics, no topic over 35%, every topic at least 5 papers', () => {
    expect(audit.failures).toEqual([]);
    for (const p of catalog.papers) {
      expect(p.topics.length).toBeGreaterThanOrEqual(1);
      expect(p.topics.length).toBeLessThanOrEqual(4);
    }
    for (const t of catalog.topics) {
      expect(t.count, t.slug).toBeGreaterThanOrEqual(MIN_TOPIC_PAPERS);
      expect(t.count / catalog.papers.length, t.slug).toBeLessThanOrEqual(MAX_TOPIC_SHARE);
    }
    expect(catalog.topics.length).toBeGreaterThanOrEqual(15);
    expect(catalog.topics.length).toBeLessThanOrEqual(30);
  });

  // Papers whose subject is unmistakable from the title, with a topic any maintainer would give them.
  const pinned: [id: string, title: string, topics: string[]][] = [
    ['66dd7492fa21', 'Generative Adversarial Imitation Learning', ['imitation-learning']],
    ['13a4bd1ac044', 'Masked Trajectory Models for Prediction, Representation, and Control', ['offline-rl']],
    ['8d6323460bf4', 'Drama: Mamba-Enabled Model-Based Reinforcement Learning…', ['sequence-models', 'model-based-rl']],
    ['f85afdd54df7', 'Is Mamba Effective for Time Series Forecasting?', ['sequence-models']],
    ['117829f54f14', 'LQ-LoRA: Low-rank Plus Quantized Matrix Decomposition…', ['efficient-ml', 'llms']],
    ['1f6ee7964b52', 'APQ: Joint Search for Network Architecture, Pruning and Quantization Policy', ['efficient-ml']],
    ['3399d40e8750', 'Perpetual Humanoid Control for Real-time Simulated Avatars', ['robotics']],
    ['6a6a5d499fc4', 'Learning to Exploit Elastic Actuators for Quadruped Locomotion', ['robotics']],
    ['07bc18d5d71f', 'Efficient Episodic Memory Utilization of Cooperative Multi-Agent RL', ['multi-agent', 'reinforcement-learning']],
    ['081d8654d4a9', 'Reward-Consistent Dynamics Models … Offline Reinforcement Learning', ['offline-rl', 'model-based-rl']],
    ['3cae8cb34516', 'Offline Reinforcement Learning as One Big Sequence Modeling Problem', ['offline-rl', 'sequence-models']],
    ['46f82a7db847', 'Interpretable Catastrophic Forgetting of Large Language Model Fine-tuning…', ['continual-learning', 'llms']],
    ['761c9ade62a4', 'Learning an evolved mixture model for task-free continual learning', ['continual-learning']],
    ['4b8dc1f54b57', 'TinyVLA: … Vision-Language-Action Models for Robotic Manipulation', ['robotics', 'vision-language']],
    ['ef654a87eba5', 'Horizon-Free Regret for Linear Markov Decision Processes', ['theory']],
    ['97cfe6c3d29f', 'Stochastic Policy Gradient Methods: Improved Sample Complexity…', ['theory', 'reinforcement-learning']],
    ['e8524ee7ee80', 'Require Process Control? LSTMc is all you need!', ['control-optimization']],
    ['cf7c1cc80712', 'Safe Learning-based Gradient-free Model Predictive Control…', ['control-optimization']],
    ['35f00b7d15fe', 'A promising technique for exploration is to maximize the entropy of visited…', ['exploration-rewards']],
    ['697625507288', 'Discovering Hierarchical Achievements in Reinforcement Learning…', ['hierarchical-rl']],
    ['8b5550db8f08', 'Vocabulary Expansion for Low-resource Cross-lingual Transfer', ['nlp-applications']],
    ['4b22ea7ae8ca', 'Efficient block contrastive learning via parameter-free meta-node approximation', ['representation-learning']],
    ['16b351b46c40', 'FreeControl: Training-Free Spatial Control of Any Text-to-Image Diffusion Model…', ['diffusion-models']],
    ['0ba9d7fe530f', 'Improving Transformer World Models for Data-Efficient RL', ['model-based-rl']],
    ['7758e2b31782', 'Efficient RLHF: Reducing the Memory Usage of PPO', ['llm-reasoning-alignment']],
    ['01ba2615e629', 'EDGE: Efficient Data Selection for LLM Agents via Guideline Effectiveness', ['agents-planning']],
  ];
  it.each(pinned)('%s (%s) is in %j', (id, _title, topics) => {
    const paper = byId.get(id);
    expect(paper, `paper ${id} exists`).toBeDefined();
    for (const t of topics) expect(paper!.topics).toContain(t);
  });

  // Stemming traps: "aligning" is not "alignment", "control" in a title is not control theory,
  // "demonstrate" is not "demonstration".
  it.each([
    ['bdfae35a9584', 'llm-reasoning-alignment'],
    ['16b351b46c40', 'control-optimization'],
    ['a02d6bfd687f', 'imitation-learning'],
  ])('%s is not in %s', (id, topic) => {
    expect(byId.get(id)!.topics).not.toContain(topic);
  });

  it('gives each topic its co-occurring topics, most shared first', () => {
    const rl = catalog.topics.find((t) => t.slug === 'offline-rl')!;
    expect(rl.related[0]!.slug).toBe('reinforcement-learning');
    for (const t of catalog.topics) {
      expect(t.related.map((r) => r.slug)).not.toContain(t.slug);
      const counts = t.related.map((r) => r.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
  });
});

describe('related papers', () => {
  it('gives every real paper 5 related papers, never itself, each with 2–3 "why" words', () => {
    for (const p of catalog.papers) {
      expect(p.related.length).toBeGreaterThanOrEqual(3);
      expect(p.related.length).toBeLessThanOrEqual(5);
      expect(p.related.map((r) => r.id)).not.toContain(p.id);
      expect(new Set(p.related.map((r) => r.id)).size).toBe(p.related.length);
      for (const r of p.related) {
        expect(byId.has(r.id)).toBe(true);
        expect(r.why.length).toBeGreaterThanOrEqual(1);
        expect(r.why.length).toBeLessThanOrEqual(3);
      }
    }
    expect(catalog.papers.filter((p) => p.related.every((r) => r.why.length >= 2)).length / catalog.papers.length).toBeGreaterThan(0.95);
  });

  it('finds what a reader expects: RLHF papers next to RLHF papers, world models next to world models', () => {
    const rlhf = byId.get('7758e2b31782')!; // Efficient RLHF: Reducing the Memory Usage of PPO
    expect(rlhf.related.filter((r) => byId.get(r.id)!.topics.includes('llm-reasoning-alignment')).length).toBeGreaterThanOrEqual(3);
    const wm = byId.get('0ba9d7fe530f')!; // Improving Transformer World Models for Data-Efficient RL
    expect(wm.related.filter((r) => byId.get(r.id)!.topics.includes('model-based-rl')).length).toBeGreaterThanOrEqual(3);
  });

  it('ranks by cosine over an inverted index: a near-duplicate beats a stranger, shared words explain it', () => {
    const docs = [
      'offline reinforcement learning with conservative value estimates for robots',
      'conservative value estimates make offline reinforcement learning safe for robots',
      'diffusion models generate images from text prompts',
      'text prompts steer image diffusion models',
      'quantum chemistry of water molecules',
    ].map((t) => contentStems([], terms(t)));
    const space = bm25Space(docs);
    const nn = nearestNeighbours(space, { k: 2 });
    expect(nn[0]![0]!.index).toBe(1);
    expect(nn[2]![0]!.index).toBe(3);
    expect(nn[4]).toEqual([]); // shares no word with anyone
    const why = sharedTerms(space.vectors[0]!, space.vectors[1]!, 3).map((t) => space.vocab[t]);
    expect(why.length).toBe(3);
    expect(why.every((w) => docs[0]!.includes(w!) && docs[1]!.includes(w!))).toBe(true);
  });
});

describe('keyphrases', () => {
  it('gives every real paper 3–6 distinct keyphrases', () => {
    for (const p of catalog.papers) {
      expect(p.keyphrases.length, p.title).toBeGreaterThanOrEqual(3);
      expect(p.keyphrases.length).toBeLessThanOrEqual(6);
      expect(new Set(p.keyphrases.map((k) => k.toLowerCase())).size).toBe(p.keyphrases.length);
    }
  });

  it('prefers the paper\'s own distinctive phrases over boilerplate', () => {
    const mtm = byId.get('13a4bd1ac044')!;
    expect(mtm.keyphrases).toContain('MTM');
    for (const p of catalog.papers) for (const k of p.keyphrases) expect(k.toLowerCase()).not.toMatch(/^(we|paper|propose|results?|method)$/);
  });

  it('keeps phrases inside a clause and hyphenated compounds whole', () => {
    const doc = (title: string, abstract: string) => ({ title: terms(title), abstract: terms(abstract) });
    const kp = extractKeyphrases([
      doc('Vision-language rewards', 'Vision-language rewards guide robots. Vision-language rewards help. Robots, arms.'),
      doc('Other', 'Something else entirely about cooking pasta. Cooking pasta is fun.'),
      doc('Third', 'Yet another text about gardening tomatoes.'),
    ]);
    expect(kp[0]).toContain('Vision-language rewards');
    expect(kp[0]!.some((k) => /robots arms/i.test(k))).toBe(false);
  });
});

describe('topic map', () => {
  it('places every paper inside the unit square, deterministically', () => {
    for (const p of catalog.papers) {
      expect(p.map.x).toBeGreaterThanOrEqual(0);
      expect(p.map.x).toBeLessThanOrEqual(1);
      expect(p.map.y).toBeGreaterThanOrEqual(0);
      expect(p.map.y).toBeLessThanOrEqual(1);
    }
    const nn = catalog.papers.slice(0, 60).map((_, i) => [{ index: (i + 1) % 60, score: 0.5 }, { index: (i + 2) % 60, score: 0.3 }]);
    expect(layoutMap(nn)).toEqual(layoutMap(nn));
    expect(new Set(layoutMap(nn).map((p) => `${p.x},${p.y}`)).size).toBeGreaterThan(50);
  });

  it('puts similar papers closer than random pairs on average', () => {
    const pos = new Map(catalog.papers.map((p) => [p.id, p.map]));
    const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
    let related = 0;
    let random = 0;
    catalog.papers.forEach((p, i) => {
      related += dist(p.map, pos.get(p.related[0]!.id)!);
      random += dist(p.map, catalog.papers[(i * 7919 + 13) % catalog.papers.length]!.map);
    });
    expect(related).toBeLessThan(random / 2);
  });

  it('draws integer dots in the viewBox, coloured by first topic, capped', () => {
    const papers = Array.from({ length: 10 }, (_, i) => ({ slug: `p${i}`, title: `P ${i}`, topics: [i % 2 ? 'b' : 'a'], map: { x: i / 9, y: 1 - i / 9 } }));
    const dots = mapDots(papers, ['a', 'b']);
    expect(dots).toHaveLength(10);
    for (const d of dots) {
      expect(Number.isInteger(d.cx) && Number.isInteger(d.cy)).toBe(true);
      expect(d.cx).toBeGreaterThanOrEqual(0);
      expect(d.cx).toBeLessThanOrEqual(MAP_SIZE);
    }
    expect(dots.map((d) => d.colour)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(mapDots(papers, ['a', 'b'], 4)).toHaveLength(4);
  });
});

describe('collections', () => {
  it('makes the 5 real seed files 5 named collections, each paper in at least one', () => {
    expect(catalog.collections.map((c) => c.slug)).toEqual(['berkeley-abstracts', 'world-models', 'uc-berkeley-arxiv', 'efficient-learning', 'pre-trained-models']);
    expect(catalog.collections.reduce((s, c) => s + c.count, 0)).toBe(catalog.report.records);
    for (const p of catalog.papers) expect(p.collections.length).toBeGreaterThanOrEqual(1);
    const mtm = byId.get('13a4bd1ac044')!;
    expect(mtm.collections).toEqual(['world-models', 'uc-berkeley-arxiv']);
  });

  it('derives a sensible default name without collections.yaml', () => {
    expect(defaultCollectionName({ file: '001_3f9ad7b7bb7c19aa.txt', format: 'huggingface' })).toBe('Hugging Face Papers listing 001');
    expect(defaultCollectionName({ file: '002_49ebf336ccf7b00f.txt', format: 'arxiv', label: 'UC Berkeley' })).toBe('UC Berkeley (arXiv listing)');
    expect(defaultCollectionName({ file: 'notes.txt', format: 'bare' })).toBe('Abstracts notes');
    const dir = mkdtempSync(join(tmpdir(), 'lectern-coll-'));
    for (const f of ['002_49ebf336ccf7b00f.txt', 'topics.yaml']) copyFileSync(join('seeds', f), join(dir, f));
    const c = buildCatalog({ seedsDir: dir, strict: false });
    expect(c.collections.map((x) => [x.slug, x.name])).toEqual([['uc-berkeley-arxiv-listing', 'UC Berkeley (arXiv listing)']]);
  });

  it('rejects an unknown seed file and unknown fields with a message naming the key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-coll-'));
    const path = join(dir, 'collections.yaml');
    writeFileSync(path, 'collections:\n  missing.txt:\n    name: Nope\n');
    const config = loadCollectionsConfig(path)!;
    expect(() => buildCollections([{ file: 'a.txt', format: 'bare' }], [], config, path)).toThrow(/collections\.missing\.txt: no seed file named "missing\.txt"/);
    writeFileSync(path, 'collections:\n  a.txt:\n    name: A\n    colour: red\n');
    expect(() => loadCollectionsConfig(path)).toThrow(/collections\.a\.txt.*colour/);
    writeFileSync(path, 'collections:\n  a.txt:\n    description: no name\n');
    expect(() => loadCollectionsConfig(path)).toThrow(/collections\.a\.txt\.name/);
    expect(loadCollectionsConfig(join(dir, 'absent.yaml'))).toBeUndefined();
  });
});

describe('topic map above the UMAP sample size', () => {
  it('lays out a sample with UMAP and places the rest next to their neighbours', () => {
    const docs = Array.from({ length: 80 }, (_, i) => contentStems([], terms(i % 2 ? `robot arm grasping ${i} gripper torque` : `language model tokens ${i} prompt decoding`)));
    const space = bm25Space(docs);
    const nn = nearestNeighbours(space, { k: 15 });
    const pts = layoutMap(nn, space, 30);
    expect(pts).toHaveLength(80);
    expect(pts).toEqual(layoutMap(nn, space, 30));
    // Two clear clusters: the mean distance within a cluster is below the mean distance across.
    let within = 0;
    let across = 0;
    for (let i = 0; i < 80; i++) for (let j = i + 1; j < 80; j++) {
      const d = Math.hypot(pts[i]!.x - pts[j]!.x, pts[i]!.y - pts[j]!.y);
      if (i % 2 === j % 2) within += d; else across += d;
    }
    expect(within / (2 * 40 * 39 / 2)).toBeLessThan(across / (40 * 40));
  });
});
