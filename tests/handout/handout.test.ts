/**
 * Handouts of the bundled example, printed for real and read back from the PDF (pdfjs text per page,
 * pdf-lib content streams and fonts): selection, notes beside their quotes, highlights, stale notes,
 * notes that do not fit, and the questions-only variant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleBook } from '../helpers/example.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { loadConfig } from '../../src/config/load.js';
import { renderHandout, type HandoutResult } from '../../src/render/handout/handout.js';
import { launchBrowser, type PressbookBrowser } from '../../src/browser/launch.js';
import { questionsWithAnswers } from '../../src/select.js';
import { loadAnnotations, loadNotes, noteText } from '../../src/annotations/index.js';
import type { Book } from '../../src/model/types.js';
import type { HandoutConfig } from '../../src/config/schema.js';
import { pdfFonts, pdfPagesText } from '../helpers/pdf.js';
import { readPdf, type ReadPdf } from '../pdf/read.js';
import { pageMarks, type Box } from '../pdf/glyphs.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'npc-foreign-press');
const DATE = new Date('2024-09-01T00:00:00Z');

/** page text without whitespace (pdfjs breaks lines; CJK has no spaces) */
const norm = (s: string) => s.replace(/\s+/g, '');
const noDigits = (s: string) => s.replace(/[0-9]/g, '');
/** a quote and its note number as printed: the number after the closing punctuation that follows the quote */
const quoteRef = (quote: string, n: number) => new RegExp(`${norm(quote).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[”’」』》）】，。、；：！？]*${n}`);

interface Printed {
  r: HandoutResult;
  pages: string[];
  html: string;
  log: string[];
}

let tmp: string;
let book: Book;
let browser: PressbookBrowser;
let main: Printed;
let practice: Printed;
let fixture: Printed;
let fixtureNotes: string;
let crowded: Printed;
let crowdedPdf: ReadPdf;
let mainPdf: ReadPdf;

async function print(spec: HandoutConfig, name: string): Promise<Printed> {
  const log: string[] = [];
  const r = await renderHandout(book, spec, join(tmp, `${name}.pdf`), { buildRoot: join(tmp, '.build'), browser, log: (s) => log.push(s), date: DATE, notes: loadAnnotations(book, spec.notes) });
  const bytes = readFileSync(r.file);
  return { r, pages: (await pdfPagesText(bytes)).map(norm), html: readFileSync(r.htmlFile, 'utf8'), log };
}

const handout = (variant: HandoutConfig['variant']) => {
  const config = loadConfig(EXAMPLE);
  const h = config.handouts.find((x) => x.variant === variant);
  if (!h) throw new Error(`the example declares no ${variant} handout`);
  return h;
};

// a note of about ten lines in the margin: fits beside its line, but four of them do not fit beside one paragraph
const CROWDED = '这段话用对仗和比喻说明立场，口译时先抓主干再补修饰，注意四字格的节奏与停顿。'.repeat(4);
// a sentence repeated far beyond what the margin of one page can hold
const LONG = '这是一条很长的批注，用来检验放不下的批注会转到题后编号列出。'.repeat(60);

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'pressbook-handout-test-'));
  book = exampleBook(loadConfig(EXAMPLE));
  browser = await launchBrowser();
  main = await print(handout('annotated'), 'main');
  practice = await print(handout('questions-only'), 'practice');
  fixtureNotes = join(tmp, 'notes.yaml');
  writeFileSync(
    fixtureNotes,
    [
      '- question: 2021-03-07-17',
      '  quote: 不可逾越的红线',
      '  note: 短注，放在页边。',
      '- question: 2021-03-07-17',
      '  quote: 一个中国原则是中美关系的政治基石', // line 5: the text says 政治基础
      '  note: 这条批注的引文已不存在。',
      '- question: 2021-03-07-17',
      '  quote: 海峡两岸必须统一',
      `  note: "${LONG}"`,
      '',
    ].join('\n'),
  );
  fixture = await print({ name: 'fixture', title: '测试讲义', select: ['2021-03-07-17'], order: 'given', notes: fixtureNotes, variant: 'annotated', ruled: false, page: 'A4' }, 'fixture');
  // four long notes on quotes of one paragraph near the top of page 1: stacked in the margin, the
  // later ones would sit far below their line on the same page (the note-distance rule must move them)
  const crowdedNotes = join(tmp, 'crowded.yaml');
  writeFileSync(
    crowdedNotes,
    ['冰冻三尺非一日之寒', '冷静和理性', '宗旨和原则', '以和平方式解决争端']
      .map((quote, i) => `- question: 2022-03-07-02\n  quote: ${quote}\n  note: "${`第${i + 1}条批注：${CROWDED}`}"\n`)
      .join(''),
  );
  crowded = await print({ name: 'crowded', title: '批注拥挤', select: ['2022-03-07-02'], order: 'given', notes: crowdedNotes, variant: 'annotated', ruled: false, page: 'A4' }, 'crowded');
  crowdedPdf = await readPdf(readFileSync(crowded.r.file));
  mainPdf = await readPdf(readFileSync(main.r.file));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('annotated handout of the example', () => {
  it('contains exactly the selected questions', () => {
    const all = questionsWithAnswers(book);
    const selected = new Set(main.r.questions);
    expect(main.r.questions).toEqual(['2020-05-24-02', '2020-05-24-11', '2021-03-07-06', '2021-03-07-17', '2022-03-07-06']);
    const text = noDigits(main.pages.join(''));
    for (const q of all) {
      const qt = noDigits(norm(q.question.paragraphs.join('')));
      if (selected.has(q.question.question!.id)) expect(text, q.question.question!.id).toContain(qt);
      else if (qt.length >= 8) expect(text, q.question.question!.id).not.toContain(qt);
    }
    // every answer paragraph of the selected questions is printed too
    for (const q of all.filter((x) => selected.has(x.question.question!.id)))
      for (const p of q.answers.flatMap((a) => a.paragraphs)) expect(text).toContain(noDigits(norm(p)).slice(0, 30));
  });

  it('prints every note of the sidecar beside its quote, on the same page', () => {
    const entries = loadNotes(join(EXAMPLE, 'notes.yaml'));
    expect(main.r.stale).toEqual([]);
    expect(main.r.notes).toHaveLength(entries.length);
    for (const n of main.r.notes) {
      const body = norm(noteText(entries.find((e) => e.line === n.line)!.note));
      const pagesWithNote = main.pages.flatMap((p, i) => (p.includes(body) ? [i + 1] : []));
      expect(pagesWithNote, `note ${n.n} (${n.quote})`).toHaveLength(1);
      const page = pagesWithNote[0]!;
      expect(n.placement, `note ${n.n}`).not.toBe('end');
      expect(n.page, `note ${n.n}`).toBe(page);
      // the quote, followed by its note number, is on that same page
      expect(main.pages[page - 1], `note ${n.n}`).toMatch(quoteRef(n.quote, n.n));
    }
  });

  it('highlights every quote (<mark> in the HTML, the mark colour painted on the quote pages only)', async () => {
    expect(main.html.match(/<mark class="quote"/g)?.length).toBe(main.r.notes.length);
    const painted = await pagesWithFill(main.r.file, [1, 0.8863, 0.5412]);
    expect(painted).toEqual([...new Set(main.r.notes.map((n) => n.page))].sort());
  });

  it('draws the paragraph numbers in the PDF: 1, 2 … per question, in the gutter left of each paragraph\'s first line', () => {
    // expected: per question (an <article class="qa">), as many numbers as numbered paragraphs
    const articles = main.html.split('<article class="qa"').slice(1);
    expect(articles).toHaveLength(main.r.questions.length);
    const expected = articles.flatMap((a) => Array.from({ length: (a.match(/<p [^>]*class="para[" ]/g) ?? []).length }, (_, i) => String(i + 1)));
    expect(expected.length).toBeGreaterThan(20);
    // drawn: digit-only text left of where the body text starts, on a line of body text
    const drawn: string[] = [];
    mainPdf.items.forEach((items, p) => {
      const han = items.filter((i) => /[\u4e00-\u9fff]/.test(i.str));
      const body = han.filter((i) => i.y < mainPdf.size[p]!.height - 60 && i.y > 40);
      if (!body.length) return; // a page of ruled space only
      // the text column starts where most lines start (the title block above it starts further left)
      const starts = new Map<number, number>();
      for (const i of body) starts.set(Math.round(i.x), (starts.get(Math.round(i.x)) ?? 0) + 1);
      const textLeft = [...starts].sort((a, b) => b[1] - a[1])[0]![0] - 0.5;
      const nums = items.filter((i) => /^\d+$/.test(i.str.trim()) && i.x + i.w < textLeft - 2 && i.x > 20).sort((a, b) => b.y - a.y);
      for (const n of nums) {
        // the number sits on the first line of its paragraph (smaller type: its baseline a few points higher)
        expect(
          body.some((i) => i.x >= textLeft - 1 && Math.abs(i.y - n.y) <= 6),
          `paragraph number ${n.str} on page ${p + 1} has no text line beside it`,
        ).toBe(true);
        drawn.push(n.str.trim());
      }
    });
    expect(drawn, 'paragraph numbers drawn in the PDF gutter').toEqual(expected);
  });

  it('numbers paragraphs and stamps title, date and page in the header', () => {
    expect(main.html).toMatch(/counter-increment: para/);
    expect(main.pages[0]).toContain(norm(`${main.r.notes.length ? '' : ''}中美关系问答选读（2020—2022）`));
    main.pages.forEach((p, i) => {
      expect(p).toContain('2024年9月1日');
      expect(p).toContain(`第${i + 1}/${main.pages.length}页`);
    });
  });

  it('ruled space for the reader follows each question', () => {
    expect(main.html.match(/class="write-space"/g)?.length).toBe(main.r.questions.length);
  });

  it('embeds only the npm fonts (no system font, no Type 3)', async () => {
    const fonts = await pdfFonts(readFileSync(main.r.file));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.name).toMatch(/Noto(Sans|Serif)SC/);
      expect(f.subtype).not.toBe('/Type3');
      expect(f.embedded).toBe(true);
    }
  });
});

describe('handout make-up, read from the printed PDF', () => {
  const CLOSE = /[”’」』》）】，。、；：！？]/;

  it('sets each note reference after the closing punctuation of its quote, bound to it (never at a line start)', async () => {
    // in the text: no closing mark right after a reference (it would have split the quote from its mark)
    const refs = [...main.html.matchAll(/<sup class="noteref">.*?<\/sup>(?:<span class="side-note"[\s\S]*?<\/a><\/span>)*([^<]?)/g)];
    expect(refs.length).toBe(main.r.notes.length);
    for (const m of refs) expect(m[1] ?? '', `reference followed by ${m[1]}`).not.toMatch(CLOSE);
    // quotes of the example that a closing mark follows in the text: their references come after it
    expect(main.html.match(/[”，。]\u2060<sup class="noteref">/g)?.length).toBeGreaterThanOrEqual(5);
    // in the PDF: a text glyph stands just left of every reference number, on its line
    const M = await pageMarks(readFileSync(main.r.file));
    const links = mainPdf.links.filter((l) => /^sn-\d+$/.test(l.dest));
    expect(links.length).toBe(main.r.notes.length);
    for (const l of links) {
      const [x1, y1, , y2] = l.rect;
      const before = M[l.page]!.glyphs.filter((g) => g.size > 9 && g.y >= y1 - 6 && g.y <= y2 && g.x + g.w <= x1 + 1 && g.x + g.w >= x1 - 0.4 * g.size);
      expect(before.length, `reference ${l.dest} on page ${l.page + 1} starts a line`).toBeGreaterThan(0);
    }
  });

  /** runs of ruled lines (8 mm apart, same left edge) per page, top to bottom */
  const ruleRuns = (boxes: Box[]) => {
    const lines = boxes.filter((b) => b.w > 100 && b.h < 1.5).sort((a, b) => b.y - a.y);
    const runs: Box[][] = [];
    for (const b of lines) {
      const run = runs[runs.length - 1];
      const prev = run?.[run.length - 1];
      if (prev && Math.abs(prev.x - b.x) < 1 && Math.abs(prev.y - b.y - (8 * 72) / 25.4) < 1.5) run!.push(b);
      else runs.push([b]);
    }
    return runs.filter((r) => r.length > 1).map((r) => r.length);
  };

  it('keeps every ruled block whole on one page (no page with the tail of a block)', async () => {
    for (const h of [main, practice]) {
      // the blocks as written, in order: their number of lines
      const written = [...h.html.matchAll(/<div class="(?:blank-answer|write-space)"[^>]*>\s*(?:<p[^>]*>[^<]*<\/p>\s*)?((?:<div class="rule-line"><\/div>\s*)+)/g)].map((m) => (m[1]!.match(/rule-line/g) ?? []).length);
      expect(written.length).toBeGreaterThan(0);
      const printed = (await pageMarks(readFileSync(h.r.file))).flatMap((p) => ruleRuns(p.boxes));
      expect(printed, h.r.file).toEqual(written);
    }
  });

  it("keeps a note's list bullets inside its rule", async () => {
    const M = await pageMarks(readFileSync(main.r.file));
    let bullets = 0;
    for (const p of M) {
      const rules = p.boxes.filter((b) => b.h > 10 && b.w < 1.5);
      for (const r of rules) {
        // small filled marks beside the rule's extent, in the note column: the bullets
        const marks = p.boxes.filter((b) => b.w < 4 && b.h < 4 && b.w > 0.5 && b.y >= r.y && b.y <= r.y + r.h && Math.abs(b.x - r.x) < 15);
        for (const m of marks) {
          bullets++;
          expect(m.x, `bullet at ${m.x.toFixed(1)} left of the rule at ${r.x.toFixed(1)}`).toBeGreaterThan(r.x + r.w + 1);
        }
      }
    }
    expect(bullets, 'the example has a note with a three-item list').toBeGreaterThanOrEqual(3);
  });
});

describe('stale and oversized notes', () => {
  it('reports a stale anchor by file and line and prints it after its question', () => {
    expect(fixture.r.stale.map((s) => [s.entry.file, s.line])).toEqual([[fixtureNotes, 5]]);
    expect(fixture.log.join('\n')).toContain(`${fixtureNotes}:5: stale note: quote "一个中国原则是中美关系的政治基石" no longer matches`);
    const text = fixture.pages.join('');
    expect(text).toContain('未能定位的批注');
    expect(text).toContain('这条批注的引文已不存在。');
  });

  it('a note too long for the margin continues as a numbered note after the question', () => {
    const placements = Object.fromEntries(fixture.r.notes.map((n) => [n.quote, n.placement]));
    expect(placements).toEqual({ 不可逾越的红线: 'side', 海峡两岸必须统一: 'end' });
    const text = fixture.pages.join('');
    const qEnd = text.indexOf(norm('慎重和妥善处理涉台问题'));
    const notesAt = text.indexOf('本题批注（续）');
    expect(qEnd).toBeGreaterThan(0);
    expect(notesAt).toBeGreaterThan(qEnd);
    expect(text.slice(notesAt)).toContain(norm(LONG).slice(0, 40));
    // the short note still sits beside its quote
    const short = fixture.r.notes.find((n) => n.placement === 'side')!;
    expect(fixture.pages[short.page! - 1]).toContain('短注，放在页边。');
    expect(fixture.pages[short.page! - 1]).toMatch(quoteRef(short.quote, short.n));
  });
});

describe('note-distance rule (no side note far below its line)', () => {
  const MAX_DRIFT_PT = (45 * 72) / 25.4;
  it('reaches the rule: stacked notes would drift, so some are moved off the plain side placement', () => {
    expect(crowded.r.notes).toHaveLength(4);
    expect(crowded.r.stale).toEqual([]);
    expect(crowded.r.passes, 'one pass only: the rule never moved a note').toBeGreaterThan(1);
    expect(crowded.r.notes.filter((n) => n.placement !== 'side').length, JSON.stringify(crowded.r.notes)).toBeGreaterThan(0);
  });

  it('every note left in the margin starts within 45 mm of its reference, on the same page (read from the PDF links)', () => {
    let checked = 0;
    for (const n of crowded.r.notes) {
      const text = norm(`第${n.n}条批注`);
      if (n.placement === 'end') continue;
      const ref = crowdedPdf.links.filter((l) => l.dest === `sn-${n.n}`);
      const note = crowdedPdf.links.filter((l) => l.dest === `ref-${n.n}`);
      expect(ref.length, `reference of note ${n.n}`).toBeGreaterThan(0);
      expect(note.length, `side note ${n.n}`).toBeGreaterThan(0);
      const refTop = Math.max(ref[0]!.rect[1], ref[0]!.rect[3]);
      const noteTop = Math.max(...note.map((l) => Math.max(l.rect[1], l.rect[3])));
      expect(new Set(note.map((l) => l.page)), `note ${n.n} split or on another page`).toEqual(new Set([ref[0]!.page]));
      expect(Math.abs(refTop - noteTop), `note ${n.n} starts ${((Math.abs(refTop - noteTop) * 25.4) / 72).toFixed(0)} mm from its line`).toBeLessThanOrEqual(MAX_DRIFT_PT);
      expect(crowded.pages[ref[0]!.page]).toContain(text);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    // every note is printed somewhere: beside its line or after the question
    for (const n of crowded.r.notes) expect(crowded.pages.join(''), `note ${n.n}`).toContain(norm(`第${n.n}条批注`));
  });
});

describe('questions-only variant', () => {
  it('prints the questions and no answer text', () => {
    const text = noDigits(practice.pages.join(''));
    const all = questionsWithAnswers(book).filter((q) => practice.r.questions.includes(q.question.question!.id));
    expect(all.length).toBe(practice.r.questions.length);
    expect(all.length).toBeGreaterThan(1);
    for (const q of all) {
      expect(text).toContain(noDigits(norm(q.question.paragraphs.join(''))));
      for (const p of q.answers.flatMap((a) => a.paragraphs)) {
        const head = noDigits(norm(p)).slice(0, 12);
        expect(text, p.slice(0, 20)).not.toContain(head);
      }
    }
    expect(practice.html).not.toContain('class="qa-a"');
    expect(practice.html).toContain('class="blank-answer"');
    expect(practice.html.match(/class="rule-line"/g)!.length).toBeGreaterThanOrEqual(6 * all.length);
  });

  it('keeps notes on questions, leaves out notes on answers', () => {
    expect(practice.r.omitted).toBeGreaterThan(0);
    for (const n of practice.r.notes) expect(practice.pages[n.page! - 1]).toMatch(quoteRef(n.quote, n.n));
  });
});

/** 1-based pages whose content stream sets this RGB fill colour (Chromium paints <mark> backgrounds as filled rectangles). */
async function pagesWithFill(file: string, rgb: [number, number, number]): Promise<number[]> {
  const doc = await PDFDocument.load(readFileSync(file));
  const out: number[] = [];
  doc.getPages().forEach((page, i) => {
    const c = page.node.get(PDFName.of('Contents'));
    const refs = c instanceof PDFArray ? c.asArray() : [c];
    const ops = refs
      .map((r) => {
        const s = doc.context.lookup(r as PDFRef);
        return s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : '';
      })
      .join('\n');
    const hit = [...ops.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) rg/g)].some((m) => [1, 2, 3].every((k) => Math.abs(Number(m[k]) - rgb[k - 1]!) < 0.003));
    if (hit) out.push(i + 1);
  });
  return out;
}
