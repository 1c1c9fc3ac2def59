/** The print edition's HTML: the shared book view in the print template, page geometry from the theme. */
import { render as mustache } from '../shared/mustache.js';
import { join } from 'node:path';
import type { Book } from '../../model/types.js';
import { subsetFonts, type SubsetBundle } from '../shared/font-subset.js';
import { editionTheme, loadTheme, type Theme } from '../shared/theme.js';
import { regionKind } from '../../fonts/families.js';
import { anchorsAtStart, uprightShortRuns } from '../shared/vertical.js';
import { bookText, bookView, type BookView, type PageMap } from '../shared/book-view.js';
import type { Locale } from '../shared/locale.js';
import type { HastTransform } from '../../ast/hast.js';
import { hasLatinText, hyphenationTransform } from '../shared/hyphenate.js';
import { LATIN_FONTS } from '../../fonts/families.js';
import { bindEntryEnds } from './entry-ends.js';
import { autospace } from '../shared/autospace.js';


export const PAGE_MM: Record<string, [number, number]> = { A5: [148, 210], A4: [210, 297], B5: [176, 250], Letter: [215.9, 279.4] };

/** Page geometry of a print theme: size from the config, margins and folio placement from the theme's stylesheet. */
export interface PrintGeometry {
  size: string;
  /** page size in mm */
  width: number;
  height: number;
  /** margins in mm; inner is the binding side */
  top: number;
  bottom: number;
  inner: number;
  outer: number;
  /** page numbers at the outer corner or centred */
  folio: 'outer' | 'center';
  /** font of the running heads drawn onto the PDF (a full TTF from npm) */
  stampFont: { kind: string; weight: number };
  /** the binding edge: right for a vertical edition (its recto is a left-hand page) */
  binding?: 'left' | 'right';
}

/**
 * A theme declares its page in CSS comments (it is data, not code):
 *   pressbook-margins: <top> <outer> <bottom> <inner>   (mm; optionally per size: "A4 20 18 22 24")
 *   pressbook-folio: outer | center
 *   pressbook-stamp-font: serif 400
 */
export function printGeometry(theme: Theme, size: string): PrintGeometry {
  const [width, height] = PAGE_MM[size] ?? PAGE_MM['A5']!;
  let margins = [18, 14, 20, 18];
  for (const m of theme.css.matchAll(/pressbook-margins:\s*([^*;\n]+)/g)) {
    const parts = m[1]!.trim().split(/\s+/);
    if (/^[A-Za-z]/.test(parts[0]!)) {
      if (parts[0] !== size) continue;
      parts.shift();
    }
    const n = parts.map(Number);
    if (n.length === 4 && n.every((x) => Number.isFinite(x) && x >= 0)) margins = n;
  }
  const folioDecl = [...theme.css.matchAll(/pressbook-folio:\s*(outer|center)/g)].pop()?.[1];
  const font = [...theme.css.matchAll(/pressbook-stamp-font:\s*(\w+)\s+(\d+)/g)].pop();
  const [top, outer, bottom, inner] = margins as [number, number, number, number];
  return {
    size,
    width,
    height,
    top,
    bottom,
    inner,
    outer,
    folio: folioDecl === 'center' ? 'center' : 'outer',
    stampFont: { kind: font?.[1] ?? 'serif', weight: Number(font?.[2] ?? 400) },
  };
}

/**
 * The @page rules for a geometry: size from the config, mirrored margins, named pages for the cover.
 * Bound on the right (a vertical edition), the first page is a left-hand page: Chromium still matches
 * it as `:right` (it does not follow the root's writing mode), so the inner and outer margins swap.
 */
export function pageCss(g: PrintGeometry): string {
  const [inner, outer] = g.binding === 'right' ? [g.outer, g.inner] : [g.inner, g.outer];
  return [
    `@page { size: ${g.width}mm ${g.height}mm; margin: ${g.top}mm ${outer}mm ${g.bottom}mm ${inner}mm; }`,
    `@page :left { margin-left: ${outer}mm; margin-right: ${inner}mm; }`,
    `@page :right { margin-left: ${inner}mm; margin-right: ${outer}mm; }`,
    `@page cover { margin: 0; }`,
    `:root { --page-width: ${g.width}mm; --page-height: ${g.height}mm; }`,
  ].join('\n');
}

export interface PrintHtml {
  html: string;
  fonts: SubsetBundle;
  theme: Theme;
  geometry: PrintGeometry;
  view: BookView;
}

/** Render the print HTML; one subset font per family and weight (exactly the book's characters) goes to `<buildDir>/fonts`. */
export async function renderPrintHtml(
  book: Book,
  buildDir: string,
  locale: Locale,
  pages?: PageMap,
  transforms?: HastTransform[],
  /** characters the font slices hold besides the book's (the preview keeps its slices stable across edits) */
  fontText = '',
  /** the book's view, already built by the caller exactly as below (no edition, no hyphenation, the same theme, locale and transforms) */
  built?: BookView,
): Promise<PrintHtml> {
  // an edition (src/model/edition.ts): its script's fonts, and for a vertical one the vertical stylesheet
  const ed = book.edition;
  const theme = editionTheme(loadTheme(book.config.theme, 'print', book.config.root), ed, 'print', book.config.root);
  const geometry = printGeometry(theme, book.config.page.size);
  if (ed) geometry.stampFont.kind = regionKind(geometry.stampFont.kind, ed.region);
  if (ed?.vertical) geometry.binding = 'right';
  // English press conferences: hyphenated (soft hyphens) and set in the Latin faces (see print-base.css)
  const hyphenate = hyphenationTransform(book);
  const view = built && !ed && !hyphenate && !pages ? built : bookView(book, theme, locale, { pages, transforms: hyphenate ? [...(transforms ?? []), hyphenate] : transforms });
  const text = bookText(view, theme.template) + fontText;
  const fonts = await subsetFonts(text, hasLatinText(book) ? [...theme.fonts, ...LATIN_FONTS] : theme.fonts, join(buildDir, 'fonts'), 'fonts/');
  const extra = { fontCss: fonts.css, pageCss: pageCss(geometry) };
  let html = bindEntryEnds(mustache(theme.template, { ...view, ...extra }));
  if (ed?.vertical) html = anchorsAtStart(uprightShortRuns(html));
  else html = autospace(html);
  return { html, fonts, theme, geometry, view };
}
