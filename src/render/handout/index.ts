/** Annotated handouts (`<out>/handouts/<name>.pdf`), through the renderer interface. */
import { join } from 'node:path';
import type { Renderer } from '../shared/renderer.js';
import { selectQuestions } from '../../select.js';
import type { HandoutResult, HandoutSpec } from './handout.js';

export type { HandoutSpec, HandoutResult } from './handout.js';

/** One renderer for a list of handouts; `results` collects what each printed handout reports. */
export function handoutRenderer(specs: HandoutSpec[], results: HandoutResult[] = []): Renderer {
  return {
    name: 'handout',
    async render(book, ctx) {
      const files = [];
      const todo: { spec: HandoutSpec; file: string; key?: string }[] = [];
      for (const spec of specs) {
        const file = join(ctx.out, 'handouts', `${spec.name}.pdf`);
        const key = ctx.cache?.key('handout', ctx.inputs, spec);
        if (ctx.cache && key && ctx.cache.fresh(file, key)) {
          ctx.log(`handout ${file} (unchanged)`);
          files.push({ path: file, kind: 'handout', unchanged: true });
        } else todo.push({ spec, file, key });
      }
      if (!todo.length) return files;
      // the heavy modules are loaded only when there is something to render
      // a selector that matches nothing fails before Chromium starts
      for (const { spec } of todo) selectQuestions(book, spec.select, spec.order);
      const { renderHandout } = await import('./handout.js');
      for (const [i, { spec, file, key }] of todo.entries()) {
        ctx.progress('printing handouts', i, todo.length);
        const r = await renderHandout(book, spec, file, { buildRoot: ctx.buildRoot, browser: await ctx.browser(), log: ctx.log, notes: ctx.notes(spec.notes), locale: ctx.locale });
        if (ctx.cache && key) ctx.cache.record(file, key);
        for (const u of new Set(r.blocked)) ctx.warn(`${file}: warning: blocked a request outside the build folder: ${u}`);
        files.push({ path: file, kind: 'handout' });
        const side = r.notes.filter((n) => n.placement !== 'end').length;
        ctx.log(
          `handout ${file} (${r.pages} page(s), ${r.questions.length} question(s), ${r.notes.length} note(s): ${side} beside the text, ${r.notes.length - side} after the question${
            r.stale.length ? `; ${r.stale.length} stale` : ''
          })`,
        );
        results.push(r);
      }
      return files;
    },
  };
}
