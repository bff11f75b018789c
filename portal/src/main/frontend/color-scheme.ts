/**
 * The page's light/dark scheme as Vaadin sets it (Page.setColorScheme writes the `theme` attribute
 * and `color-scheme` style of <html>), and a way to follow its changes.
 */
export function isDark(): boolean {
  const root = document.documentElement;
  return (root.getAttribute('theme') ?? '').split(' ').includes('dark') || root.style.colorScheme === 'dark';
}

/** Calls `listener` with the new scheme whenever it changes; returns the function that stops it. */
export function onSchemeChange(listener: (dark: boolean) => void): () => void {
  let dark = isDark();
  const observer = new MutationObserver(() => {
    const now = isDark();
    if (now !== dark) {
      dark = now;
      listener(now);
    }
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['theme', 'style'] });
  return () => observer.disconnect();
}
