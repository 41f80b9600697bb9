import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/enrich/catalog.ts';
import { DERIVED_TITLE_MAX_WORDS, deriveTitle } from '../../src/lib/enrich/title.ts';

const catalog = buildCatalog({ seedsDir: 'seeds', strict: false });

/**
 * The derived title of every untitled paper of the real seeds, reviewed by hand: the named
 * contribution where the abstract names one, else the work's own statement, condensed.
 */
const EXPECTED: Record<string, string> = {
  '1e96c92f3835': 'DPOK: Online reinforcement learning to fine-tune text-to-image models',
  '2049aa65fc4e': 'Video Adapter',
  '2c8f8ea6be4c': 'Casting the sequential decision making problem as a text-conditioned video generation problem',
  '302f9c9c29e6': 'The scope of foundation models for decision making',
  '35f00b7d15fe': 'An exploration technique that maximizes the value-conditional state entropy',
  '3e3e69fca412': 'A gradient-free structured pruning framework that uses only unlabeled data',
  '41329b66a139': 'Agentic Transformer (AT)',
  '4d10d02151d1': 'A self-supervised method that uses grasp interactions to collect segmentation supervision…',
  '5105771d7004': 'A fundamental trade-off between approximation and statistical error in value estimation',
  '6509b35255ff': 'A representation view of the latent variable models for state-action value functions',
  '69e2b4bfbe3c': 'Video Prediction Rewards (VIPER)',
  '6d263cbe94b5': 'Transformer-based large language models are computationally universal when augmented with an external memory',
  '8780cbc70f6e': 'Model imitation is a false promise',
  '97a252e44a77': 'Train Offline, Test Online (TOTO)',
  '9e105f765861': 'Decentralized CEM (DecentCEM)',
  'ba7ccee56f65': 'The effect of baselines in on-policy stochastic policy gradient optimization',
  'bd1fa3c451ec': 'Blockwise Parallel Transformer (BPT)',
  'f06320a2cca5': 'Extending diffusion models to discrete variables',
};

describe('derived titles of the real seeds', () => {
  const derived = catalog.papers.filter((p) => p.titleSource === 'derived');

  it('covers exactly the untitled papers', () => {
    expect(derived.map((p) => p.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s → %s', (id, title) => {
    expect(derived.find((p) => p.id === id)?.title).toBe(title);
  });

  it('stay within ~12 words and hold no LaTeX', () => {
    for (const p of derived) {
      expect(p.title.split(/\s+/).length, p.title).toBeLessThanOrEqual(DERIVED_TITLE_MAX_WORDS + 1);
      expect(p.title, p.title).not.toMatch(/[\\$]/);
    }
  });
});

describe('deriveTitle rules', () => {
  const filler = ' The method is evaluated on many benchmarks and compared with strong baselines from prior work.';

  it('ignores an acronym defined in a sentence about prior work', () => {
    expect(deriveTitle(`Cross-Entropy Method (CEM) is commonly used for planning. To fix its flaws, we propose Decentralized CEM (DecentCEM), an ensemble.${filler}`)).toBe('Decentralized CEM (DecentCEM)');
  });

  it('keeps commas inside a name and hyphenated names', () => {
    expect(deriveTitle(`We take on these challenges via a new benchmark: Train Offline, Test Online (TOTO).${filler}`)).toBe('Train Offline, Test Online (TOTO)');
    expect(deriveTitle(`Therefore, we propose a novel method, Learning-to-Modulate (L2M), that avoids forgetting.${filler}`)).toBe('Learning-to-Modulate (L2M)');
  });

  it('names a coined contribution with what is proposed', () => {
    expect(deriveTitle(`Robots are hard. In this work, we propose a method of improving computational efficiency called DroQ, which is a variant of REDQ.${filler}`)).toBe('DroQ: A method of improving computational efficiency');
  });

  it('takes the conclusion, an opening claim, or the object of the work', () => {
    expect(deriveTitle(`Imitation is popular. Overall, we conclude that model imitation is a false promise: there exists a gap.${filler}`)).toBe('Model imitation is a false promise');
    expect(deriveTitle(`We show that small models can plan with search.${filler}`)).toBe('Small models can plan with search');
    expect(deriveTitle(`Diffusion is popular. In this paper, we extend diffusion models to discrete variables by introducing a jump process.${filler}`)).toBe('Extending diffusion models to discrete variables');
  });

  it('skips objects that point back to earlier text', () => {
    expect(deriveTitle(`Imitation of strong models is popular. In this work, we critically analyze this approach. We propose a benchmark of imitation gaps for open models.${filler}`)).toBe('A benchmark of imitation gaps for open models');
  });

  it('falls back to the first sentence, condensed, without LaTeX', () => {
    expect(deriveTitle(`In this paper, the \\emph{state value} baseline is analysed at an $O(1/t)$ rate for natural policy gradient methods in tabular settings.${filler}`)).toBe(
      'The state value baseline is analysed at an O(1/t) rate for natural…',
    );
  });
});
