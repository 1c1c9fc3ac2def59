// @ts-nocheck
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PressbookError } from '../errors.js';

export { PACKAGE_ROOT } from '../util/paths.js';
import { PACKAGE_ROOT } from '../util/paths.js';

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
