/** The EPUB edition (`output.epub`), through the renderer interface. */
import { join } from 'node:path';
import type { Renderer } from '../shared/renderer.js';
import { annotationTransforms } from '../shared/annotations.js';
import { readPageMap } from '../shared/page-map.js';

/** `bilingual`: each paragraph followed by its aligned translation (./bilingual.ts), one chapter per paired press conference. */
export function epubRenderer(opts: { embedFont?: boolean; bilingual?: boolean } = {}): Renderer {
  return {
    name: 'epub',
    async render(book, ctx) {
      const file = join(ctx.out, book.config.output.epub);
      // the print edition's pages (a page-list), when a PDF of this very book is in the output folder
      const pages = readPageMap(ctx.out, join(ctx.out, book.config.output.pdf), ctx.inputs);
      const key = ctx.cache?.key('epub', ctx.inputs, !!opts.embedFont, pages?.key ?? null, ...(opts.bilingual ? ['bilingual'] : []));
      if (ctx.cache && key && ctx.cache.fresh(file, key)) {
        ctx.log(`epub  ${file} (unchanged)`);
        return [{ path: file, kind: 'epub', unchanged: true }];
      }
      // the heavy modules are loaded only when there is something to render
      const { renderEpub } = await import('./epub.js');
      ctx.progress('making the EPUB');
      const transforms = annotationTransforms(book, 'epub', () => ctx.notes(), ctx.log);
      let printed = book;
      if (opts.bilingual) {
        const b = (await import('./bilingual.js')).bilingualEdition(book);
        if (!b.pairs) ctx.warn(`${file}: warning: bilingual EPUB asked for, but the book pairs no two editions (one language only, or no same-day editions)`);
        printed = b.book;
        transforms.unshift(b.transform);
      }
      const pageList = pages && { labels: pages.labels, source: ctx.locale.format('pageListSource', { title: book.config.title, size: pages.size }) };
      // the conference pages and zip entries of the last build, reused where unchanged (renderEpub's `cache`):
      // salted with every input but the conferences themselves, which are keyed one by one
      const { events: _events, ...rest } = (ctx.inputs ?? {}) as Record<string, unknown>;
      // (not for a bilingual EPUB: a page depends on its translation's conference too)
      const cache = ctx.cache && !opts.bilingual ? { dir: join(ctx.out, '.pressbook-cache', 'epub', book.config.output.epub.replace(/[^\w.-]+/g, '_')), salt: ctx.cache.key('epub-pages', rest) } : undefined;
      const t0 = performance.now();
      const r = await renderEpub(printed, file, { embedFont: opts.embedFont, transforms, locale: ctx.locale, cache, progress: ctx.progress, pageList });
      ctx.detail(`epub: ${r.conferences.rendered} conference page(s) rendered, ${r.conferences.reused} reused; ${r.entries.reused} zip entries reused, ${r.entries.compressed} compressed; ${Math.round(performance.now() - t0)} ms`);
      if (ctx.cache && key) ctx.cache.record(file, key);
      const fonts = r.fonts.length ? `, font subset ${r.fonts.map((f) => `${(f.bytes / 1024).toFixed(0)} KiB${f.cached ? ' cached' : ''}`).join(' + ')}` : '';
      ctx.log(`epub  ${file} (${(r.bytes.length / 1024).toFixed(0)} KiB${fonts}${r.pageList ? `, page-list of ${r.pageList} print pages` : ''})`);
      return [{ path: file, kind: 'epub' }];
    },
  };
}
