// @ts-nocheck
import { render as mustache } from './mustache.js';
import { join } from 'node:path';
import type { Book } from '../model/types.js';
import { bundleFonts, type FontBundle } from '../fonts/fontsource.js';
import { loadTheme, type Theme } from './theme.js';
import { questionIndex, yearsView, type YearView } from './viewmodel.js';
import type { HastTransform } from '../ast/hast.js';

/** What each cleaning rule did, for the colophon (keys are the rule names in report.json). */
const RULE_TEXT: Record<string, string> = {
  reflow: '合并断行',
  desegment: '删除分词空格',
  spacing: '删除多余空格',
  punctuation: '半角标点改全角',
  noise: '删除图片说明、二维码提示等杂项',
  head: '标题与要点移入元数据',
  corruption: '剔除循环重复的受损段落',
  removed: '删除并记录的文字',
};

const ROLE_TEXT: Record<string, string> = { primary: '底本', witness: '参校本', digest: '摘要（要点）', rejected: '未采用' };

/** anchor id → printed page label */
export type PageMap = Map<string, string>;

export function bookView(book: Book, theme: Theme, opts: { pages?: PageMap; transforms?: HastTransform[]; xhtml?: boolean } = {}) {
  const c = book.config;
  const years: YearView[] = yearsView(book, opts.transforms, opts.xhtml);
  const page = (a: string) => opts.pages?.get(a) ?? '';
  for (const y of years) {
    y.page = page(y.anchor);
    for (const e of y.events) {
      e.page = page(e.anchor);
      for (const q of e.questions) {
        q.page = page(q.anchor);
        for (const f of q.followups) f.page = page(f.anchor);
      }
    }
  }
  const index = questionIndex(years);
  for (const g of [...index.byTopic, ...index.byOutlet]) for (const q of g.entries) q.page = page(q.anchor);
  const sources = book.events.flatMap((e) => e.meta.sources.map((s) => ({ ...s, roleText: ROLE_TEXT[s.role] ?? s.role })));
  const yearsList = years.map((y) => y.year);
  const totals = book.cleaning?.totals;
  const cleaning = totals
    ? '整理中共作修改：' +
      Object.entries(totals)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${RULE_TEXT[k] ?? k} ${n} 处`)
        .join('，') +
      '。逐条记录（含源文件行号）见 report.json。'
    : '';
  return {
    lang: c.language,
    title: c.title,
    subtitle: c.subtitle,
    author: c.author ?? '',
    editor: c.editor,
    description: c.description ?? c.subtitle ?? c.title,
    theme: theme.name,
    pageSize: c.page.size,
    yearsText: yearsList.length ? `${yearsList[0]}—${yearsList[yearsList.length - 1]}` : '',
    years,
    index,
    indexPage: page('question-index'),
    colophonPage: page('colophon'),
    sources,
    cleaning,
    css: theme.css,
  };
}

/** All the text a rendered book can show (for font subsetting and glyph coverage). */
export function bookText(view: ReturnType<typeof bookView>, template: string): string {
  return mustache(template, { ...view, css: '', fontCss: '' }) + '0123456789ivxlcdmIVXLCDM—·…';
}

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
  fonts: FontBundle;
  theme: Theme;
  geometry: PrintGeometry;
  view: ReturnType<typeof bookView>;
}

/** Render the print HTML; fonts are copied into `<buildDir>/fonts` (only the slices the text needs). */
export function renderPrintHtml(book: Book, buildDir: string, pages?: PageMap, transforms?: HastTransform[]): PrintHtml {
  const theme = loadTheme(book.config.theme, 'print', book.config.root);
  const geometry = printGeometry(theme, book.config.page.size);
  const view = bookView(book, theme, { pages, transforms });
  const text = bookText(view, theme.template);
  const fonts = bundleFonts(text, theme.fonts, join(buildDir, 'fonts'), 'fonts/');
  const extra = { fontCss: fonts.css, pageCss: pageCss(geometry) };
  const html = mustache(theme.template, { ...view, ...extra });
  return { html, fonts, theme, geometry, view };
}
