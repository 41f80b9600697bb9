/**
 * Geometry of the topic-map SVG (pure; the page only prints it): dots in a square viewBox,
 * coloured by primary topic, with a colour per topic that works on light and dark backgrounds.
 */

/** Side of the square viewBox, in SVG user units; coordinates are rounded to integers of it. */
export const MAP_SIZE = 1000;
/** Margin inside the viewBox so edge dots are not clipped. */
export const MAP_MARGIN = 12;
/** Dot radius on the full map, in viewBox units. */
export const DOT_RADIUS = 6;
/**
 * Most dots drawn on the full map. Above this, an evenly spaced sample (by title order) is drawn
 * and the page says so; every paper stays reachable from its topic and the browse pages. At ~200
 * bytes per dot this keeps the page under ~1 MB of HTML.
 */
export const MAX_MAP_DOTS = 5000;
/** Most dots drawn on the home-page thumbnail (no links, no titles). */
export const MAX_THUMBNAIL_DOTS = 1500;

/** One dot of the map. */
export interface MapDot {
  /** Centre, integer viewBox units. */
  cx: number;
  cy: number;
  /** Index of the primary topic in the topic list (colour class `map-c<index>`). */
  colour: number;
  slug: string;
  title: string;
}

/**
 * Dots for papers, at most `cap` of them.
 * @param papers - papers (in display order) with their map position in [0, 1]² and topics.
 * @param topicSlugs - every topic slug, in legend order; a paper's colour is its first topic's index.
 * @param cap - most dots; above it an evenly spaced sample of the input order is kept.
 * @returns dots in input order.
 */
export function mapDots(
  papers: readonly { slug: string; title: string; topics: string[]; map: { x: number; y: number } }[],
  topicSlugs: readonly string[],
  cap = MAX_MAP_DOTS,
): MapDot[] {
  const index = new Map(topicSlugs.map((s, i) => [s, i]));
  const chosen = papers.length <= cap ? papers : Array.from({ length: cap }, (_, i) => papers[Math.floor((i * papers.length) / cap)]!);
  const span = MAP_SIZE - 2 * MAP_MARGIN;
  return chosen.map((p) => ({
    cx: Math.round(MAP_MARGIN + p.map.x * span),
    // SVG y grows downwards; flip so the layout reads like a chart.
    cy: Math.round(MAP_MARGIN + (1 - p.map.y) * span),
    colour: index.get(p.topics[0] ?? '') ?? 0,
    slug: p.slug,
    title: p.title,
  }));
}

/**
 * A colour per topic: hues spread around the OKLCH circle by the golden angle, so neighbours in
 * the list differ clearly; lightness alternates for more separation.
 * @param n - number of topics.
 * @param dark - colours for a dark background (lighter).
 * @returns CSS colours, one per topic.
 */
export function topicColours(n: number, dark = false): string[] {
  return Array.from({ length: n }, (_, i) => {
    const hue = Math.round((i * 137.508) % 360);
    const l = dark ? (i % 2 === 0 ? 0.78 : 0.68) : i % 2 === 0 ? 0.55 : 0.45;
    return `oklch(${l} 0.15 ${hue})`;
  });
}

/**
 * The `<style>` body giving classes `map-c0…map-c<n-1>` their fill. Dark colours apply when the
 * reader chose dark (`html[data-theme=dark]`, see src/styles/global.css) or, without a choice, when
 * the system prefers dark — the same rule as the site's Tailwind `dark:` variant.
 */
export function topicColourCss(n: number): string {
  const rules = (colours: string[], scope: string) => colours.map((c, i) => `${scope}.map-c${i}{fill:${c}}`).join('');
  const dark = topicColours(n, true);
  return (
    rules(topicColours(n), '') +
    rules(dark, ':root[data-theme=dark] ') +
    `@media (prefers-color-scheme: dark){${rules(dark, ':root:not([data-theme=light]) ')}}`
  );
}
