/** The site's main navigation: label and path below the base, in display order. */
export const NAV_ITEMS: readonly { path: string; label: string }[] = [
  { path: '', label: 'Home' },
  { path: 'browse/', label: 'Papers' },
  { path: 'topics/', label: 'Topics' },
  { path: 'map/', label: 'Map' },
  { path: 'collections/', label: 'Collections' },
  { path: 'search/', label: 'Search' },
  { path: 'list/', label: 'My list' },
  { path: 'stats/', label: 'Stats' },
];
