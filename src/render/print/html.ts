/** The print edition's HTML: the shared book view in the print template, page geometry from the theme. */
import { render as mustache } from '../shared/mustache.js';
import { join } from 'node:path';
import type { Book } from '../../model/types.js';
import { subsetFonts, type SubsetBundle } from '../shared/font-subset.js';
import { loadTheme, type Theme } from '../shared/theme.js';
import { bookText, bookView, type BookView, type PageMap } from '../shared/book-view.js';
import type { Locale } from '../shared/locale.js';
import type { HastTransform } from '../../ast/hast.js';
import { hasLatinText, hyphenationTransform } from '../shared/hyphenate.js';
import { LATIN_FONTS } from '../../fonts/families.js';


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

/** The @page rules for a geometry: size from the config, mirrored margins, named pages for the cover. */
export function pageCss(g: PrintGeometry): string {
  return [
    `@page { size: ${g.width}mm ${g.height}mm; margin: ${g.top}mm ${g.outer}mm ${g.bottom}mm ${g.inner}mm; }`,
    `@page :left { margin-left: ${g.outer}mm; margin-right: ${g.inner}mm; }`,
    `@page :right { margin-left: ${g.inner}mm; margin-right: ${g.outer}mm; }`,
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
export async function renderPrintHtml(book: Book, buildDir: string, locale: Locale, pages?: PageMap, transforms?: HastTransform[]): Promise<PrintHtml> {
  const theme = loadTheme(book.config.theme, 'print', book.config.root);
  const geometry = printGeometry(theme, book.config.page.size);
  // English press conferences: hyphenated (soft hyphens) and set in the Latin faces (see print-base.css)
  const hyphenate = hyphenationTransform(book);
  const view = bookView(book, theme, locale, { pages, transforms: hyphenate ? [...(transforms ?? []), hyphenate] : transforms });
  const text = bookText(view, theme.template);
  const fonts = await subsetFonts(text, hasLatinText(book) ? [...theme.fonts, ...LATIN_FONTS] : theme.fonts, join(buildDir, 'fonts'), 'fonts/');
  const extra = { fontCss: fonts.css, pageCss: pageCss(geometry) };
  const html = mustache(theme.template, { ...view, ...extra });
  return { html, fonts, theme, geometry, view };
}
