/** The EPUB edition (`output.epub`), through the renderer interface. */
import { join } from 'node:path';
import type { Renderer } from '../shared/renderer.js';
import { annotationTransforms } from '../shared/annotations.js';

/** `bilingual`: each paragraph followed by its aligned translation (./bilingual.ts), one chapter per paired press conference. */
export function epubRenderer(opts: { embedFont?: boolean; bilingual?: boolean } = {}): Renderer {
  return {
    name: 'epub',
    async render(book, ctx) {
      const file = join(ctx.out, book.config.output.epub);
      const key = ctx.cache?.key('epub', ctx.inputs, !!opts.embedFont, ...(opts.bilingual ? ['bilingual'] : []));
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
      const r = await renderEpub(printed, file, { embedFont: opts.embedFont, transforms, locale: ctx.locale });
      if (ctx.cache && key) ctx.cache.record(file, key);
      const fonts = r.fonts.length ? `, font subset ${r.fonts.map((f) => `${(f.bytes / 1024).toFixed(0)} KiB${f.cached ? ' cached' : ''}`).join(' + ')}` : '';
      ctx.log(`epub  ${file} (${(r.bytes.length / 1024).toFixed(0)} KiB${fonts})`);
      return [{ path: file, kind: 'epub' }];
    },
  };
}
