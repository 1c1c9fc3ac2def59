/**
 * Paged print pages for the preview: Chromium prints the print HTML of one conference (the same
 * HTML, theme CSS and font slices as the PDF, printed with the same options by the same engine, so
 * the pages break as they do in the book), and the page shows that PDF with pdf.js.
 *
 * One sandboxed Chromium page is kept loaded: an edit replaces its <body> (and <head> if the theme
 * changed) and prints again; only a change of conference or of the font slices reloads it. Each
 * paragraph gets an invisible link to itself (as the renderer's probes), so the PDF carries a named
 * destination "pb-src-<line>" at the top of every paragraph: the page maps a click to its source line.
 *
 * Not in the preview (the book's second pass and pdf-lib finish do them): running heads and folios,
 * blank pages before right-hand openings, page numbers in the contents and the index.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchBrowser, type PressbookBrowser } from '../browser/launch.js';
import { openPrintPage, printOptions } from '../render/shared/print-page.js';
import { writeFileAtomic } from '../util/fs.js';

export class PagedPrinter {
  private browser?: Promise<PressbookBrowser>;
  private page?: Page;
  private loaded?: { id: string; key: string; fonts: string; head: string };
  private queue: Promise<unknown> = Promise.resolve();
  /** id → the last print (reused while the book's version is the same) */
  private last = new Map<string, { key: string; pdf: Uint8Array }>();
  /** milliseconds of the last print, per step */
  timings: Record<string, number> = {};

  constructor(
    private readonly buildDir: string,
    private readonly executable?: () => string | undefined,
  ) {}

  /**
   * The PDF of a conference's print HTML (`key`: the book's version), or of some of its pages (`pages`,
   * "3-5": Chromium lays the whole conference out and paints only those, several times cheaper: the
   * page draws the pages in view from it first). Prints run one at a time; the HTML is rendered and
   * put into the page once per key.
   */
  pdf(id: string, key: string, html: () => Promise<string>, pages?: string): Promise<Uint8Array> {
    const slot = pages ? `${id} ${pages}` : id;
    const hit = this.last.get(slot);
    if (hit && hit.key === key) return Promise.resolve(hit.pdf);
    const job = this.queue.then(async () => {
      const again = this.last.get(slot);
      if (again && again.key === key) return again.pdf;
      if (this.loaded?.id !== id || this.loaded.key !== key) {
        this.timings = {};
        const t = performance.now();
        const text = await html();
        this.timings['html'] = Math.round(performance.now() - t);
        await this.load(id, key, text);
      }
      const t = performance.now();
      let pdf: Uint8Array;
      try {
        pdf = await this.page!.pdf({ ...printOptions(false), ...(pages ? { pageRanges: pages } : {}) });
      } catch (e) {
        // pages past the end (the conference got shorter): the whole print instead
        if (!pages) throw e;
        pdf = await this.page!.pdf(printOptions(false));
      }
      this.timings[pages ? 'printPages' : 'print'] = Math.round(performance.now() - t);
      if (pages) for (const k of [...this.last.keys()]) if (k.startsWith(id + ' ')) this.last.delete(k);
      this.last.set(slot, { key, pdf });
      return pdf;
    });
    this.queue = job.catch(() => undefined);
    return job;
  }

  private fontsHash(): string {
    const dir = join(this.buildDir, 'fonts');
    if (!existsSync(dir)) return '';
    const h = createHash('sha1');
    for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
    return h.digest('hex');
  }

  /** Put a conference's print HTML into the page (probes in). */
  private async load(id: string, key: string, html: string): Promise<void> {
    const t = performance.now();
    const lap = (k: string) => {
      this.timings[k] = Math.round(performance.now() - t);
    };
    this.browser ??= launchBrowser(this.executable?.());
    const b = await this.browser;
    const fonts = this.fontsHash();
    const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
    const l = this.loaded;
    if (!this.page || !l || l.id !== id || l.fonts !== fonts) {
      // a new conference or new font slices: load the file (the fonts are fetched again)
      const file = join(this.buildDir, 'paged.html');
      writeFileAtomic(file, html);
      await this.page?.close().catch(() => undefined);
      this.page = (await openPrintPage(b, file, this.buildDir)).page;
      lap('load');
    } else {
      await this.page.evaluate(
        (html: string, newHead: boolean) => {
          const next = new DOMParser().parseFromString(html, 'text/html');
          if (newHead) document.head.innerHTML = next.head.innerHTML;
          document.body.replaceWith(document.importNode(next.body, true));
          return document.fonts.ready.then(() => true);
        },
        html,
        head !== l.head,
      );
      lap('patch');
    }
    this.loaded = { id, key, fonts, head };
    // a link to every paragraph: Chromium writes a named destination at each one's top
    await this.page.evaluate(() => {
      const hide = 'position:absolute;display:block;width:1px;height:1px;overflow:hidden';
      for (const p of document.querySelectorAll<HTMLElement>('p[data-src-line]')) {
        const name = 'pb-src-' + p.dataset['srcLine'];
        if (document.getElementById(name)) continue;
        const target = document.createElement('span');
        target.id = name;
        target.style.cssText = hide;
        const a = document.createElement('a');
        a.href = '#' + name;
        a.className = 'pb-probe';
        a.setAttribute('aria-hidden', 'true');
        a.style.cssText = hide;
        p.prepend(target, a);
      }
    });
  }

  /** Render and load a conference's HTML ahead of the page's request (after an edit to the conference in view). */
  prepare(id: string, key: string, html: () => Promise<string>): void {
    const job = this.queue.then(async () => {
      if (this.loaded?.id === id && this.loaded.key === key) return;
      this.timings = {};
      const t = performance.now();
      const text = await html();
      this.timings['html'] = Math.round(performance.now() - t);
      await this.load(id, key, text);
    });
    this.queue = job.catch(() => undefined);
  }

  /** Resolves when no print is running or queued. */
  async idle(): Promise<void> {
    let q: Promise<unknown>;
    do {
      q = this.queue;
      await q.catch(() => undefined);
    } while (q !== this.queue);
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.page?.close().catch(() => undefined);
    if (this.browser) await (await this.browser.catch(() => undefined))?.close();
  }
}
