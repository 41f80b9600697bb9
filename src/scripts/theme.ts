/**
 * Theme choice (light / dark / system) for the toggle in the header. The inline script in
 * src/components/HeadMeta.astro applies the stored choice before first paint; this module
 * handles changes and keeps other tabs in sync.
 */

/** `localStorage` key of the theme choice (also read by the inline head script). */
export const THEME_KEY = 'lectern:theme';
export type Theme = 'light' | 'dark' | 'system';

function stored(): Theme {
  try {
    const t = localStorage.getItem(THEME_KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

function apply(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  for (const el of document.querySelectorAll<HTMLSelectElement>('select[data-theme-select]')) el.value = theme;
}

function choose(theme: Theme): void {
  try {
    if (theme === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, theme);
  } catch {
    /* storage blocked: the choice lasts for this page only */
  }
  apply(theme);
}

for (const el of document.querySelectorAll<HTMLElement>('[data-theme-toggle]')) {
  const select = el.querySelector<HTMLSelectElement>('select[data-theme-select]');
  select?.addEventListener('change', () => choose(select.value as Theme));
  el.hidden = false;
}
apply(stored());
window.addEventListener('storage', (e) => {
  if (e.key === THEME_KEY || e.key === null) apply(stored());
});
