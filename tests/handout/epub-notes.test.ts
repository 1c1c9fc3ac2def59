/**
 * The teacher's notes in the EPUB (annotations.epub): pop-up footnotes (`a epub:type="noteref"` →
 * `aside epub:type="footnote"`) in the real EPUB of the example, validated by both validators.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { exampleBook } from '../helpers/example.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { EpubCheck } from '@likecoin/epubcheck-ts';
import { loadConfig } from '../../src/config/load.js';
import { renderEpub, type EpubResult } from '../../src/render/epub/epub.js';
import { renderPrintHtml } from '../../src/render/print/html.js';
import { loadLocale } from '../../src/render/shared/locale.js';
import { annotationTransforms } from '../../src/cli/handout.js';
import { loadNotes } from '../../src/annotations/index.js';
import type { Book } from '../../src/model/types.js';
import { javaEpubcheck } from '../helpers/epubcheck.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'npc-foreign-press');

let tmp: string;
let file: string;
let r: EpubResult;
let pages: Map<string, string>;
let book: Book;
const log: string[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'pressbook-epub-notes-'));
  const config = loadConfig(EXAMPLE);
  const prepared: Book = exampleBook(config);
  book = { ...prepared, config: { ...prepared.config, annotations: { pdf: true, epub: true } } };
  file = join(tmp, 'notes.epub');
  r = await renderEpub(book, file, { transforms: annotationTransforms(book, 'epub', (s) => log.push(s)), env: { SOURCE_DATE_EPOCH: '1700000000' } });
  const zip = await JSZip.loadAsync(readFileSync(file));
  pages = new Map();
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xhtml'))) pages.set(name, await zip.file(name)!.async('string'));
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('EPUB with notes', () => {
  it('has one noteref → footnote pair per note, in the same file, after a highlighted quote', () => {
    const entries = loadNotes(join(EXAMPLE, 'notes.yaml'));
    expect(log).toEqual([]); // no stale note in the example
    let refs = 0;
    for (const [name, x] of pages) {
      for (const m of x.matchAll(/<mark class="quote"[^>]*>([^<]*)<\/mark>[”’」』》）】，。、；：！？]*\u2060<sup class="noteref"><a href="#(fn-\d+)" id="fnref-\d+" class="noteref" epub:type="noteref" role="doc-noteref">\d+<\/a><\/sup>/g)) {
        refs++;
        expect(x, `${name}: footnote ${m[2]}`).toMatch(new RegExp(`<aside id="${m[2]}" class="footnote" epub:type="footnote" role="doc-footnote">`));
        expect(entries.some((e) => e.quote === m[1]), m[1]).toBe(true);
      }
    }
    expect(refs).toBe(entries.length);
    const asides = [...pages.values()].join('').match(/epub:type="footnote"/g) ?? [];
    expect(asides.length).toBe(entries.length);
    // Markdown in notes is rendered (emphasis), never passed through as raw text
    expect([...pages.values()].join('')).toContain('<strong>political virus</strong>');
  });

  it('@likecoin/epubcheck-ts: 0 errors, 0 warnings', async () => {
    const v = await EpubCheck.validate(r.bytes);
    const msgs = v.messages.filter((m) => m.severity !== 'info' && m.severity !== 'usage');
    expect(msgs.map((m) => `${m.severity} ${m.id} ${m.location?.path ?? ''}:${m.location?.line ?? ''} ${m.message}`)).toEqual([]);
    expect(v.errorCount).toBe(0);
    expect(v.warningCount).toBe(0);
  });

  it('Java EPUBCheck: 0 errors, 0 warnings', async (ctx) => {
    const j = await javaEpubcheck(file);
    if (!j) return ctx.skip('Java EPUBCheck is not installed (set PRESSBOOK_REQUIRE_JAVA_EPUBCHECK=1 to require it)');
    expect(j.fatals + j.errors + j.warnings, j.output).toBe(0);
  });
});

describe('book PDF with notes (annotations.pdf)', () => {
  it('the print HTML highlights each quote and prints its numbered note after the turn', async () => {
    const entries = loadNotes(join(EXAMPLE, 'notes.yaml'));
    const { html } = await renderPrintHtml(book, join(tmp, 'print'), loadLocale(book.config.language), undefined, annotationTransforms(book, 'pdf', (s) => log.push(s)));
    expect(html.match(/<mark class="quote"/g)?.length).toBe(entries.length);
    expect(html.match(/<aside id="fn-\d+" class="footnote" role="doc-footnote">/g)?.length).toBe(entries.length);
    expect(html).not.toContain('epub:type');
    // note n follows quote n: the reference and the note link to each other
    for (let n = 1; n <= entries.length; n++) {
      expect(html).toContain(`<a href="#fn-${n}" id="fnref-${n}" class="noteref" role="doc-noteref">${n}</a>`);
      expect(html.indexOf(`id="fnref-${n}"`)).toBeLessThan(html.indexOf(`id="fn-${n}"`));
    }
  });

  it('no annotations unless the switch is on', () => {
    expect(annotationTransforms({ ...book, config: { ...book.config, annotations: { pdf: false, epub: false } } }, 'pdf', () => undefined)).toEqual([]);
  });
});
