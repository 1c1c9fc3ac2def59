/**
 * The bilingual EPUB on a small pair (tests/fixtures/bilingual, 2018-09-05 in Chinese and English):
 * one chapter per paired press conference, each paragraph followed by its aligned translation, every
 * paragraph tagged with its language (lang and xml:lang), nothing of either edition lost — also when
 * paragraphs or turns stay unaligned — and EPUBCheck (Java, when installed) without errors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { parseDocument, type XNode } from './xml.js';
import { loadConfig } from '../../src/config/load.js';
import { prepareBook } from '../../src/build.js';
import { renderEpub } from '../../src/render/epub/epub.js';
import { bilingualEdition } from '../../src/render/epub/bilingual.js';
import type { Book } from '../../src/model/types.js';
import { javaEpubcheck } from '../helpers/epubcheck.js';
import { tempDir } from '../helpers/tmp.js';

const FIXTURE = resolve(import.meta.dirname, '..', 'fixtures', 'bilingual');

let tmp: string;
let book: Book;

async function build(b: Book, name: string) {
  const e = bilingualEdition(b);
  const file = join(tmp, `${name}.epub`);
  await renderEpub(e.book, file, { transforms: [e.transform], env: { SOURCE_DATE_EPOCH: '1700000000' } });
  const zip = await JSZip.loadAsync(readFileSync(file));
  const pages = Object.keys(zip.files).filter((f) => /OEBPS\/ev-.*\.xhtml$/.test(f));
  const docs = await Promise.all(pages.map(async (p) => parseDocument(await zip.file(p)!.async('string'))));
  return { file, pages, docs, pairs: e.pairs };
}

const paras = (d: XNode) => d.findAll((n) => n.name === 'p' && (n.attrs['data-para'] !== undefined || (n.attrs.class ?? '').split(' ').includes('translation')));

beforeAll(async () => {
  tmp = tempDir('bilingual-epub');
  book = (await prepareBook(loadConfig(FIXTURE), join(tmp, 'out'))).book;
});

describe('bilingual EPUB', () => {
  let out: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    out = await build(book, 'book');
  });

  it('prints one chapter for the pair, every paragraph followed by its aligned translation', () => {
    expect(out.pairs).toBe(1);
    expect(out.pages).toEqual(['OEBPS/ev-2018-09-05.xhtml']);
    const pair = book.translations![0]!;
    const zh = book.events.find((e) => e.meta.id === pair.source)!;
    const en = book.events.find((e) => e.meta.id === pair.target)!;
    // the expected sequence from the alignment: source paragraph(s), then their translation(s)
    const expected: string[] = [];
    for (const b of pair.turns)
      for (const pb of b.paragraphs ?? [])
        expected.push(...pb.source.map((i) => `zh ${zh.turns[b.source!]!.paragraphs[i]}`), ...pb.target.map((j) => `en ${en.turns[b.target!]!.paragraphs[j]}`));
    const got = paras(out.docs[0]!).map((p) => `${p.attrs.lang === 'en' ? 'en' : 'zh'} ${p.text()}`);
    expect(got).toEqual(expected);
    expect(got.length).toBe(zh.turns.reduce((n, t) => n + t.paragraphs.length, 0) + en.turns.reduce((n, t) => n + t.paragraphs.length, 0));
  });

  it('tags every paragraph with its language (lang and xml:lang)', () => {
    const ps = paras(out.docs[0]!);
    expect(ps.length).toBeGreaterThan(20);
    for (const p of ps) {
      expect(p.attrs.lang).toBeDefined();
      expect(p.attrs['xml:lang']).toBe(p.attrs.lang);
      expect(p.attrs.lang).toBe((p.attrs.class ?? '').includes('translation') ? 'en' : 'zh-CN');
      expect(/\p{Script=Han}/u.test(p.text())).toBe(p.attrs.lang === 'zh-CN');
    }
  });

  it('keeps unaligned paragraphs and turns of the translation after what precedes them', async () => {
    const pair = structuredClone(book.translations![0]!);
    const en = book.events.find((e) => e.meta.id === pair.target)!;
    // the English answer of question 1 loses its alignment; its last paragraph becomes a bead of its own
    const ans = pair.turns[2]!;
    const tIdx = ans.target!;
    pair.turns.splice(2, 1, { source: ans.source }, { target: tIdx });
    const b = await build({ ...book, translations: [pair] }, 'unaligned');
    const texts = paras(b.docs[0]!).map((p) => p.text());
    for (const p of en.turns[tIdx]!.paragraphs) expect(texts).toContain(p);
    // the unaligned English turn comes after the Chinese answer it stood beside
    const zhAnswer = book.events.find((e) => e.meta.id === pair.source)!.turns[ans.source!]!;
    expect(texts.indexOf(en.turns[tIdx]!.paragraphs[0]!)).toBeGreaterThan(texts.indexOf(zhAnswer.paragraphs.at(-1)!));
  });

  it('passes Java EPUBCheck with no error (when installed)', async (ctx) => {
    const r = await javaEpubcheck(out.file);
    if (!r) return ctx.skip('Java EPUBCheck is not installed (set PRESSBOOK_REQUIRE_JAVA_EPUBCHECK=1 to require it)');
    expect(r.fatals + r.errors, r.output).toBe(0);
  }, 300_000);
});
