import { describe, expect, it } from 'vitest';
import { mathToText, plainText, renderRichText } from '../../src/lib/render/rich-text.ts';
import { findUrls, isCodeUrl, paperLinks } from '../../src/lib/render/links.ts';

const html = (s: string) => renderRichText(s).html;
const text = (s: string) => renderRichText(s).text;

describe('renderRichText: untrusted text stays text', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<iframe src="javascript:alert(1)"></iframe>', '&lt;iframe src=&quot;javascript:alert(1)&quot;&gt;&lt;/iframe&gt;'],
    ['a < b && c > d', 'a &lt; b &amp;&amp; c &gt; d'],
    ['&amp; stays &amp;', '&amp;amp; stays &amp;amp;'],
    ["it's \"quoted\"", 'it&#39;s &quot;quoted&quot;'],
  ])('%s', (input, expected) => {
    expect(html(input)).toBe(expected);
    expect(text(input)).toBe(input);
  });

  it('never links javascript: or data: URLs', () => {
    expect(html('javascript:alert(1) data:text/html,<b>x</b>')).not.toContain('<a');
  });

  it('keeps markup inside macros and math escaped', () => {
    expect(html('\\emph{<b>x</b>}')).toBe('<em>&lt;b&gt;x&lt;/b&gt;</em>');
    const math = html('$\\text{<img onerror=alert(1)>}$');
    expect(math).not.toMatch(/<img/);
    expect(html('$\\href{javascript:alert(1)}{x}$')).not.toMatch(/href="javascript/);
  });
});

describe('renderRichText: TeX text macros render as text', () => {
  it.each([
    ['\\emph{state value}', '<em>state value</em>', 'state value'],
    ['\\textit{it}', '<em>it</em>', 'it'],
    ['\\textbf{reduce the aggressiveness}', '<strong>reduce the aggressiveness</strong>', 'reduce the aggressiveness'],
    ['\\texttt{SAILOR}', '<code>SAILOR</code>', 'SAILOR'],
    ['\\textcolor{\\cdiff}{the score-based modeling}', 'the score-based modeling', 'the score-based modeling'],
    ['\\textcolor{red}{x}', 'x', 'x'],
    ['\\L{}ojasiewicz (N\\L{})', 'Łojasiewicz (NŁ)', 'Łojasiewicz (NŁ)'],
    ["Fr\\'echet", 'Fréchet', 'Fréchet'],
    ["Fr\\'{e}chet G\\\"odel \\c{c}a \\v{S}ekan \\^ot\\'{\\i}", 'Fréchet Gödel ça Šekan ôtí', 'Fréchet Gödel ça Šekan ôtí'],
    ['\\ss \\o \\ae', 'ß ø æ', 'ß ø æ'],
    ['\\eg, ControlNet', 'e.g., ControlNet', 'e.g., ControlNet'],
    ['\\ie the score, \\etal', 'i.e. the score, et al.', 'i.e. the score, et al.'],
    ['40\\% of \\$5 \\& K\\&K \\#1 a\\_b', '40% of $5 &amp; K&amp;K #1 a_b', '40% of $5 & K&K #1 a_b'],
  ])('%s', (input, expectedHtml, expectedText) => {
    expect(html(input)).toBe(expectedHtml);
    expect(text(input)).toBe(expectedText);
  });

  it('shows unknown macros by name, not as an error', () => {
    const r = renderRichText('We believe that \\methodname offers; the proposed \\scrfd family');
    expect(r.text).toBe('We believe that methodname offers; the proposed scrfd family');
    expect(r.html).toContain('>methodname</span> offers');
    expect(r.html).toContain('title="LaTeX command \\scrfd, not defined in the source"');
    expect(r.html).not.toMatch(/katex-error|#cc0000/);
  });

  it('shows the argument of an unknown macro with one', () => {
    expect(text('\\textsc{Foo} and \\mymacro{Bar}')).toBe('Foo and Bar');
  });

  it('reads a control space as a space and leaves a lone backslash and plain braces as typed', () => {
    expect(text('a\\ b {c} \\')).toBe('a b {c} \\');
    expect(text('a \\0 b')).toBe('a \\0 b');
  });
});

describe('renderRichText: math', () => {
  it('typesets inline $…$ and \\(…\\) with KaTeX, indexable as plain text once', () => {
    for (const src of ['at an $O(1/t)$ rate', 'at an \\(O(1/t)\\) rate']) {
      const r = renderRichText(src);
      expect(r.hasMath).toBe(true);
      expect(r.html).toContain('class="katex"');
      expect(r.html).toContain('<math');
      expect(r.html).toMatch(/<span data-pagefind-ignore><span class="katex">/);
      expect(r.html).toContain('<span class="sr-only" aria-hidden="true">O(1/t)</span>');
      expect(r.text).toBe('at an O(1/t) rate');
    }
  });

  it('renders the BERT$_{BASE}$ subscript', () => {
    const r = renderRichText('using BERT$_{BASE}$ and DistilBERT');
    expect(r.html).toMatch(/^using BERT<span class="lectern-math">.*msub.*<\/span> and DistilBERT$/s);
    // A word subscript is a word of its own in plain text (titles, meta tags, the search index).
    expect(r.text).toBe('using BERT BASE and DistilBERT');
  });

  it('renders math in titles: E$^{2}$GAN and $\\texttt{SAILOR}$', () => {
    expect(text('E$^{2}$GAN: Efficient Training')).toBe('E2GAN: Efficient Training');
    expect(text('A Smooth Sea Never Made a Skilled $\\texttt{SAILOR}$: Robust')).toBe('A Smooth Sea Never Made a Skilled SAILOR: Robust');
  });

  it('shows the source of an unclosed $ and of dollar amounts', () => {
    expect(renderRichText('unclosed $x + y').html).toBe('unclosed $x + y');
    expect(renderRichText('STEVE-1 costs just $60 to train and $5 more').hasMath).toBe(false);
    expect(renderRichText('costs $5 and $10').text).toBe('costs $5 and $10');
    expect(renderRichText('unclosed \\(x').text).toBe('unclosed \\(x');
  });

  it('shows the source of math KaTeX cannot parse, never a red error', () => {
    const r = renderRichText('broken $x^{\\frac{1}{}$ here');
    expect(r.html).toBe('broken $x^{\\frac{1}{}$ here');
    expect(r.hasMath).toBe(false);
  });

  it('renders unknown control sequences inside math as text', () => {
    const r = renderRichText('$\\scrfd + x$');
    expect(r.html).toContain('class="katex"');
    expect(r.html).not.toMatch(/#cc0000|katex-error/);
    expect(r.text).toBe('scrfd + x');
  });

  it('bounds macro expansion and sizes', () => {
    expect(renderRichText('$\\def\\a{\\a}\\a$').hasMath).toBe(false);
    const rule = renderRichText('$\\rule{1000em}{1000em}$').html;
    expect(rule).toContain('border-right-width:10em');
    expect(rule).not.toMatch(/width:1000em/);
  });

  it('mathToText reads TeX as text', () => {
    expect(mathToText('U_{15,2}')).toBe('U15,2');
    expect(mathToText('L_{CLIP} + x_i')).toBe('L CLIP + xi');
    expect(mathToText('\\mathcal{O}\\left(n^2\\right)')).toBe('O(n2)');
    expect(mathToText('\\alpha\\,x')).toBe('alpha x');
  });
});

describe('links', () => {
  it('links URLs with and without scheme, leaving trailing punctuation outside', () => {
    const r = html('Code: https://github.com/IST-DASLab/gptq. See github.com/salesforce/CodeT5, (https://rewind-reward.github.io/).');
    expect(r).toContain('<a href="https://github.com/IST-DASLab/gptq" rel="noopener noreferrer" class="break-words">https://github.com/IST-DASLab/gptq</a>.');
    expect(r).toContain('<a href="https://github.com/salesforce/CodeT5" rel="noopener noreferrer" class="break-words">github.com/salesforce/CodeT5</a>,');
    expect(r).toContain('>https://rewind-reward.github.io/</a>).');
  });

  it('links a protocol-relative URL left by a damaged "https: //"', () => {
    expect(findUrls('released at https: //github.com/salesforce/CodeT5 .')).toEqual([
      { index: 19, lastIndex: 49, text: '//github.com/salesforce/CodeT5', url: 'https://github.com/salesforce/CodeT5' },
    ]);
  });

  it('does not link file names, versions or bare words with dots', () => {
    expect(findUrls('ASP.NET, train.py, v1.2.3, e.g. this, Node.js and ViT-B/16')).toEqual([]);
  });

  it('can leave links out (titles inside links)', () => {
    expect(renderRichText('see https://x.org/a', { links: false }).html).toBe('see https://x.org/a');
  });

  it('classifies code hosts and project pages', () => {
    expect(isCodeUrl('https://github.com/a/b')).toBe(true);
    expect(isCodeUrl('https://gitlab.com/a/b')).toBe(true);
    expect(isCodeUrl('https://huggingface.co/crisistransformers')).toBe(true);
    expect(isCodeUrl('https://hf-mirror.492719920.workers.dev/inclusionAI/Ling-Coder-lite')).toBe(true);
    expect(isCodeUrl('https://video-adapter.github.io/')).toBe(false);
    expect(isCodeUrl('https://sites.google.com/view/rl-vcse')).toBe(false);
  });

  it('paperLinks lists code and project links once each, in order', () => {
    const links = paperLinks('Videos at https://video-adapter.github.io/. Code: https://github.com/a/b.git and github.com/a/b, https://escontrela.me');
    expect(links).toEqual([
      { kind: 'project', url: 'https://video-adapter.github.io/', host: 'video-adapter.github.io' },
      { kind: 'code', url: 'https://github.com/a/b.git', host: 'github.com' },
      { kind: 'project', url: 'https://escontrela.me/', host: 'escontrela.me' },
    ]);
    expect(paperLinks('no links here, javascript:alert(1)')).toEqual([]);
  });
});

describe('plainText', () => {
  it('gives meta tags readable text without markup', () => {
    expect(plainText('\\emph{A} <b> $x^2$ https://a.org')).toBe('A <b> x2 https://a.org');
  });
});

describe('renderRichText on long and adversarial input', () => {
  it('renders a 200,000-character line of unclosed groups, math and macros as text', () => {
    const nasty = '\\emph{ \\( $x \\foo{ '.repeat(10_000);
    const r = renderRichText(nasty);
    expect(r.hasMath).toBe(false);
    expect(r.text.length).toBeGreaterThan(100_000);
  });
});
