/** The print edition: the book PDF (`output.pdf`), through the renderer interface. */
import { join } from 'node:path';
import type { Renderer } from '../shared/renderer.js';
import { annotationTransforms } from '../shared/annotations.js';
import { writePageMap } from '../shared/page-map.js';

export function printRenderer(): Renderer {
  return {
    name: 'print',
    async render(book, ctx) {
      const file = join(ctx.out, book.config.output.pdf);
      const key = ctx.cache?.key('pdf', ctx.inputs);
      if (ctx.cache && key && ctx.cache.fresh(file, key)) {
        ctx.log(`pdf   ${file} (unchanged)`);
        return [{ path: file, kind: 'pdf', unchanged: true }];
      }
      ctx.progress('printing the book PDF');
      // Chromium starts while the heavy modules load and the HTML is rendered
      const browser = ctx.browser();
      browser.catch(() => undefined);
      const { renderPdf } = await import('./pdf.js');
      const transforms = annotationTransforms(book, 'pdf', () => ctx.notes(), ctx.log);
      const r = await renderPdf(book, file, {
        buildRoot: ctx.buildRoot,
        browser,
        transforms,
        locale: ctx.locale,
        // the parts' PDFs by content, next to the output cache: a rebuild prints only what changed
        cacheDir: ctx.cache ? join(ctx.out, '.pressbook-cache', 'print') : undefined,
        chunkPages: process.env.PRESSBOOK_CHUNK_PAGES ? Number(process.env.PRESSBOOK_CHUNK_PAGES) : undefined,
        progress: (done, total) => ctx.progress('printing parts', done, total),
        whileWaiting: ctx.whileWaiting,
        // the body's chunks kept by content (chunk-memo.ts): salted with every input but the conferences, keyed one by one
        salt: ctx.cache ? ctx.cache.key('print-chunks', { ...((ctx.inputs ?? {}) as Record<string, unknown>), events: undefined }) : undefined,
      });
      if (ctx.cache && key) ctx.cache.record(file, key);
      // the page of every anchor, for the EPUB's page-list
      writePageMap(ctx.out, file, ctx.inputs, book.config.page.size, r.labels, r.sha256);
      for (const u of new Set(r.blocked)) ctx.warn(`${file}: warning: blocked a request outside the build folder: ${u}`);
      if (r.patched) ctx.detail(`pdf   patched the previous PDF in place: ${r.patched.length} conference(s) reprinted (${r.patched.join(', ')})`);
      else if (r.fullBuild) ctx.detail(`pdf   full build: ${r.fullBuild}`);
      if (r.layoutPass) ctx.detail(`pdf   layout pass ${r.layoutPass}`);
      ctx.detail(`pdf   ${r.chunks} body chunk(s), ${r.prints} part(s) printed, ${r.reused} reused, ms per step: ${Object.entries(r.timings).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      ctx.log(`pdf   ${file} (${(r.bytes.length / 1024).toFixed(0)} KiB, ${r.browser})`);
      return [{ path: file, kind: 'pdf' }];
    },
  };
}
