import { render as mustache } from './mustache.js';
import { join } from 'node:path';
import type { Book } from '../model/types.js';
import { bundleFonts, type FontBundle } from '../fonts/fontsource.js';
import { loadTheme, type Theme } from './theme.js';
import { questionIndex, yearsView, type YearView } from './viewmodel.js';
import type { HastTransform } from '../ast/hast.js';

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
      for (const q of e.questions) q.page = page(q.anchor);
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
        .map(([k, n]) => `${k} ${n} 处`)
        .join('，') +
      '。详见 report.json。'
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

export interface PrintHtml {
  html: string;
  fonts: FontBundle;
  theme: Theme;
}

/** Render the print HTML; fonts are copied into `<buildDir>/fonts` (only the slices the text needs). */
export function renderPrintHtml(book: Book, buildDir: string, pages?: PageMap): PrintHtml {
  const theme = loadTheme(book.config.theme, 'print', book.config.root);
  const view = bookView(book, theme, { pages });
  const text = bookText(view, theme.template);
  const fonts = bundleFonts(text, theme.fonts, join(buildDir, 'fonts'), 'fonts/');
  const html = mustache(theme.template, { ...view, fontCss: fonts.css });
  return { html, fonts, theme };
}
