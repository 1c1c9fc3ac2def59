import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PressbookError } from '../../errors.js';
import { FAMILIES, regionKind } from '../../fonts/families.js';

export { PACKAGE_ROOT } from '../../util/paths.js';
import { PACKAGE_ROOT } from '../../util/paths.js';

export interface Theme {
  name: string;
  /** the mustache template for this output kind */
  template: string;
  css: string;
  fonts: { kind: string; weights: number[] }[];
}

function read(p: string) {
  return readFileSync(p, 'utf8');
}

/**
 * A theme is data: `styles/<name>.css` (declares its fonts in a `pressbook-fonts:` comment) on top of
 * `styles/<kind>-base.css`, rendered with `templates/<kind>/<name>.html` if present, else
 * `templates/<kind>/book.html`. A book may bring its own `templates/` and `styles/` folders.
 */
export function loadTheme(name: string, kind: 'print' | 'epub' | 'handout', bookRoot?: string): Theme {
  const roots = [bookRoot, PACKAGE_ROOT].filter(Boolean) as string[];
  const find = (...parts: string[]) => roots.map((r) => join(r, ...parts)).find((p) => existsSync(p));
  // EPUB readers bring their own fonts and page: an EPUB theme is `styles/<name>.epub.css` (optional)
  const cssFile = kind === 'epub' ? find('styles', `${name}.epub.css`) ?? find('styles', 'epub-base.css') : find('styles', `${name}.css`);
  if (!cssFile) throw new PressbookError(`theme "${name}": no styles/${name}.css (available: classic, modern, handout)`);
  const base = find('styles', `${kind}-base.css`);
  const tpl = find('templates', kind, `${name}.html`) ?? find('templates', kind, 'book.html');
  if (!tpl && kind !== 'epub') throw new PressbookError(`theme "${name}": no templates/${kind}/book.html`);
  const themeCss = read(cssFile);
  const decl = /pressbook-fonts:\s*([^*]+)\*\//.exec(themeCss)?.[1] ?? 'serif 400 700; sans 700';
  const fonts = decl
    .split(';')
    .map((s) => s.trim().split(/\s+/))
    .filter((p) => p[0])
    .map(([kind, ...w]) => ({ kind: kind!, weights: w.map(Number).filter(Boolean) }));
  return { name, template: tpl ? read(tpl) : '', css: base && base !== cssFile ? read(base) + '\n' + themeCss : themeCss, fonts };
}

/**
 * A theme as an edition prints it (src/model/edition.ts): the font kinds of its script (serif →
 * serif-tc) with the CSS family names rewritten to match (Noto Serif SC → Noto Serif TC), and for a
 * vertical edition the vertical stylesheet (`styles/vertical.<kind>.css`: writing-mode on the root, short
 * numbers upright) after the theme's. Without an edition: the theme as it is.
 */
export function editionTheme(theme: Theme, edition: { region: 'SC' | 'TC' | 'HK'; vertical: boolean } | undefined, kind: 'print' | 'epub', bookRoot?: string): Theme {
  if (!edition || (edition.region === 'SC' && !edition.vertical)) return theme;
  let css = theme.css;
  let fonts = theme.fonts;
  if (edition.region !== 'SC') {
    // one entry per kind (a sans kind falls back on the script's serif face): weights merged
    const byKind = new Map<string, Set<number>>();
    for (const f of theme.fonts) {
      const k = regionKind(f.kind, edition.region);
      byKind.set(k, new Set([...(byKind.get(k) ?? []), ...f.weights]));
    }
    fonts = [...byKind].map(([k, w]) => ({ kind: k, weights: [...w].sort((a, b) => a - b) }));
    for (const f of theme.fonts) {
      const from = FAMILIES[f.kind]?.family;
      const to = FAMILIES[regionKind(f.kind, edition.region)]?.family;
      if (from && to) css = css.split(from).join(to);
    }
  }
  if (edition.vertical) {
    const roots = [bookRoot, PACKAGE_ROOT].filter(Boolean) as string[];
    const file = roots.map((r) => join(r, 'styles', `vertical.${kind}.css`)).find((p) => existsSync(p));
    if (!file) throw new PressbookError(`vertical edition: no styles/vertical.${kind}.css`);
    css += '\n' + read(file);
  }
  return { ...theme, css, fonts };
}
