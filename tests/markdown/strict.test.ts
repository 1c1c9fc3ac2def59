/**
 * The strict parser and the writer of canonical Markdown, output and messages exact: each case below
 * was written against a mutant StrykerJS left alive in src/markdown (docs/mutation.md). Fast: no
 * files but one temporary folder, no seeds.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEventMarkdown } from '../../src/markdown/parse.js';
import { hashText, isHandEdited, serializeBody, serializeEvent } from '../../src/markdown/serialize.js';
import { readMarkdownFolder } from '../../src/markdown/folder.js';
import { PressbookError } from '../../src/errors.js';
import type { PressEvent } from '../../src/model/types.js';
import { richEvent } from '../helpers/events.js';
import { tempDir } from '../helpers/tmp.js';

const FM = ['---', 'pressbook: 2', 'id: 2021-03-07', 'date: 2021-03-07', 'year: 2021', 'title: 记者会', '---', ''];
/** a canonical file: the front matter above (or `fm`) and the given body lines */
const doc = (body: string[], fm: string[] = FM) => [...fm, ...body, ''].join('\n');
const answer = (...lines: string[]) => [':::answer{speaker="王毅"}', ...lines, ':::'];
/** the message of the error parsing `text` throws (and that it is a PressbookError with file and line) */
function error(text: string, path = 'b/x.md'): string {
  try {
    parseEventMarkdown(text, path);
  } catch (e) {
    expect(e).toBeInstanceOf(PressbookError);
    const err = e as PressbookError;
    expect(err.file).toBe(path);
    // the line the message names, as a field too (the CLI's report reads it)
    const m = new RegExp(`^${path.replace(/[.]/g, '\\.')}:(\\d+)[:]`).exec(err.message);
    expect(m, err.message).not.toBeNull();
    expect(err.line, err.message).toBe(Number(m![1]));
    return err.message;
  }
  throw new Error('parsed without an error:\n' + text);
}
const parse = (text: string) => parseEventMarkdown(text, 'b/x.md').event;

describe('a construct a turn cannot hold is named, with file:line:column', () => {
  const block = (extra: string[]) => doc(answer('第一段。', '', ...extra));
  // the answer opens on line 9, its first paragraph is line 10, the construct starts on line 12
  it.each([
    [['    缩进的代码'], 'b/x.md:12:1: a code block (indented four spaces, or fenced with ```) inside :::answer (line 9): a turn holds paragraphs only'],
    [['```', '代码', '```'], 'b/x.md:12:1: a code block (indented four spaces, or fenced with ```) inside :::answer (line 9)'],
    [['<div>网页</div>'], 'b/x.md:12:1: raw HTML inside :::answer (line 9)'],
    [['::leaf'], 'b/x.md:12:1: a directive ("::name") inside :::answer (line 9)'],
    [['[x]: http://x.cn'], 'b/x.md:12:1: a link definition ("[x]: …") inside :::answer (line 9)'],
    [['---'], 'b/x.md:12:1: a rule (a line of ---, *** or ___) inside :::answer (line 9)'],
    [['# 标题'], 'b/x.md:12:1: a heading (a line starting with "#") inside :::answer (line 9)'],
    [['+ 项'], 'b/x.md:12:1: a list (a line starting with "-", "*", "+" or "1.") inside :::answer (line 9)'],
    [['> 引'], 'b/x.md:12:1: a quote (a line starting with ">") inside :::answer (line 9)'],
  ])('%j', (extra, message) => {
    const m = error(block(extra));
    expect(m.startsWith(message), m).toBe(true);
    expect(m).toContain('put a backslash before the first character to keep the line as text (e.g. \\- or \\#), or move it out of the turn');
  });

  it.each([
    ['前**强**后', 'b/x.md:10:2: strong emphasis (**…**)'],
    ['前~~删~~后', null],
    ['前![图](a.png)后', 'b/x.md:10:2: an image (![…](…))'],
    ['前![图][a]后', 'b/x.md:10:2: an image reference'],
    ['前[链接][a]后', 'b/x.md:10:2: a link reference ([…])'],
    ['前`代码`后', 'b/x.md:10:2: code (`…`)'],
    ['前<b>粗</b>后', 'b/x.md:10:2: raw HTML'],
    ['前 :name 后', 'b/x.md:10:3: a directive (":name" — a colon followed directly by text)'],
    ['前*强调*后', 'b/x.md:10:2: emphasis (*…* or _…_)'],
    ['前[链接](http://x.cn)后', 'b/x.md:10:2: a link ([…](…))'],
  ])('inline %s', (para, message) => {
    // a reference is one only when its definition exists (after the turn, so the turn's error comes first)
    const text = doc([...answer(para), ...(para.includes('][a]') ? ['', '[a]: http://x.cn'] : [])]);
    if (message === null) {
      // no GFM: "~~" is plain text and comes back as typed
      expect(parse(text).turns[0]!.paragraphs).toEqual([para]);
      return;
    }
    const m = error(text);
    expect(m.startsWith(message + ' inside :::answer (line 9) would lose characters: a turn holds plain text'), m).toBe(true);
    expect(m).toContain('put a backslash before the character to keep it as typed (e.g. \\*, \\_, \\[, \\:)');
  });

  it('a hard line break inside a paragraph is text, not an error', () => {
    // a backslash at the end of a line is a hard break: its characters are the line break itself
    expect(parse(doc(answer('第一行\\', '第二行'))).turns[0]!.paragraphs).toEqual(['第一行第二行']);
  });

  it('soft line breaks of a hand-edited paragraph are joined', () => {
    expect(parse(doc(answer('第一行', '第二行', '第三行'))).turns[0]!.paragraphs).toEqual(['第一行第二行第三行']);
  });

  it('a turn opened inside another names both lines', () => {
    const m = error(doc([':::question{#2021-03-07-01 seq="1"}', '问？', '', ...answer('答。')]));
    expect(m).toBe('b/x.md:12:1: :::answer opens inside :::question of line 9: the closing ":::" of that block is missing (add it on its own line before line 12)');
  });
});

describe('the front matter', () => {
  it('names a missing key', () => {
    for (const key of ['id', 'date', 'year', 'title']) {
      const fm = FM.filter((l) => !l.startsWith(key + ':'));
      expect(error(doc(answer('答。'), fm))).toBe(`b/x.md:1:1: front matter lacks "${key}"`);
    }
  });

  it('is a mapping', () => {
    expect(error(doc(answer('答。'), ['---', '---', '']))).toBe('b/x.md:1:1: front matter is not a YAML mapping');
    expect(error(doc(answer('答。'), ['---', '只是一句话', '---', '']))).toBe('b/x.md:1:1: front matter is not a YAML mapping');
  });

  it('names the exact line of a YAML error in the file', () => {
    const fm = ['---', 'pressbook: 2', 'id: 2021-03-07', 'date: 2021-03-07', 'year: 2021', 'title: 记者会', 'session: "未闭合', 'venue: x', '---', ''];
    // an unclosed quote runs to the end of the front matter: YAML reports its end, line 8 of the file
    expect(error(doc(answer('答。'), fm))).toMatch(/^b\/x\.md:8:9: invalid YAML in the front matter: Missing closing "quote at line 7, column 9:$/);
    const dup = ['---', 'pressbook: 2', 'id: 2021-03-07', 'title: a', 'title: b', '---', ''];
    expect(error(doc([], dup))).toMatch(/^b\/x\.md:5:1: invalid YAML in the front matter: Map keys must be unique/);
  });

  it('checks the format version', () => {
    const v = (n: string) => doc(answer('答。'), FM.map((l) => (l.startsWith('pressbook:') ? `pressbook: ${n}` : l)));
    expect(error(v('1.5'))).toBe('b/x.md:1:1: front matter "pressbook: 1.5" is not a format version');
    expect(error(v('0'))).toBe('b/x.md:1:1: front matter "pressbook: 0" is not a format version');
    expect(error(v('x'))).toBe('b/x.md:1:1: front matter "pressbook: x" is not a format version');
    expect(error(v('3'))).toBe('b/x.md:1:1: written by a newer pressbook (format 3; this version reads formats 1 to 2)');
    expect(parse(v('2')).meta.id).toBe('2021-03-07');
    // no version: the current format
    expect(error(doc([':::followup{#2021-03-07-01-f1}', '追？', ':::'], FM.filter((l) => !l.startsWith('pressbook'))))).toMatch(/follow-up "2021-03-07-01-f1" does not follow a question/);
  });

  it('checks the date and, from format 2, the id', () => {
    const with_ = (k: string, v: string, fm = FM) => doc(answer('答。'), fm.map((l) => (l.startsWith(k + ':') ? `${k}: ${v}` : l)));
    expect(error(with_('date', '2021-3-7'))).toBe('b/x.md:1:1: front matter "date: 2021-3-7" is not an ISO date (YYYY-MM-DD)');
    expect(error(with_('date', 'x2021-03-07'))).toMatch(/is not an ISO date/);
    expect(error(with_('date', '2021-03-07x'))).toMatch(/is not an ISO date/);
    expect(error(with_('id', '2021-03-07a'))).toBe(
      'b/x.md:1:1: front matter "id: 2021-03-07a" is not an event id for 2021-03-07 (expected 2021-03-07, or 2021-03-07b, 2021-03-07c … for later events of that date)',
    );
    expect(parse(with_('id', '2021-03-07b')).meta.id).toBe('2021-03-07b');
    // format 1 kept any id; a non-event id becomes the date
    const v1 = FM.map((l) => (l === 'pressbook: 2' ? 'pressbook: 1' : l));
    expect(parse(with_('id', '2021-07', v1)).meta.id).toBe('2021-03-07');
    expect(parse(with_('id', '2021-03-07c', v1)).meta.id).toBe('2021-03-07c');
  });

  it('keeps the fields it has, no undefined keys, and defaults language and sources', () => {
    const meta = parse(doc(answer('答。'))).meta;
    expect(meta).toStrictEqual({ id: '2021-03-07', date: '2021-03-07', year: 2021, title: '记者会', language: 'zh-CN', sources: [] });
    const full = FM.slice(0, -2).concat(['session: 会', 'venue: 厅', 'speaker: 王毅', 'duration: 1小时', 'headline: 要闻', 'language: en', 'sources:', '  - file: a.txt', '    role: primary', 'hash: abc', '---', '']);
    expect(parse(doc(answer('答。'), full)).meta).toStrictEqual({
      id: '2021-03-07', date: '2021-03-07', year: 2021, title: '记者会', session: '会', venue: '厅', speaker: '王毅', duration: '1小时', headline: '要闻', language: 'en',
      sources: [{ file: 'a.txt', role: 'primary' }], hash: 'abc',
    });
  });

  it('is required, before any turn', () => {
    expect(error(answer('答。').join('\n'))).toBe('b/x.md:1:1: :::answer before the front matter');
    expect(error('<!-- 只有注释 -->\n')).toBe('b/x.md:1: missing YAML front matter');
    expect(error('')).toBe('b/x.md:1: missing YAML front matter');
  });
});

describe('blocks of the body', () => {
  it('ignores the title heading and comments, refuses any other text outside a turn', () => {
    expect(parse(doc(['# 另一个标题', '', '<!-- 编者按 -->', '', ...answer('答。')])).meta.title).toBe('记者会');
    expect(error(doc(['## 小标题', '', ...answer('答。')]))).toBe('b/x.md:9:1: text outside a turn block (heading); wrap it in :::narration … ::: or a turn');
    expect(error(doc(['<div>x</div>', '', ...answer('答。')]))).toBe('b/x.md:9:1: text outside a turn block (html); wrap it in :::narration … ::: or a turn');
    expect(error(doc(['<!-- 注释 --> 后面还有字', '', ...answer('答。')]))).toMatch(/^b\/x\.md:9:1: text outside a turn block \(html\)/);
    expect(error(doc(['<div>前 <!-- 注释 -->', '', ...answer('答。')]))).toMatch(/^b\/x\.md:9:1: text outside a turn block \(html\)/);
    // a comment indented by a space or two is still a comment
    expect(parse(doc(['  <!-- 编者按 -->', '', ...answer('答。')])).turns).toHaveLength(1);
  });

  it('names an unknown block and the kinds it knows', () => {
    expect(error(doc([':::speech', '讲话。', ':::']))).toBe(
      'b/x.md:9:1: unknown block ":::speech" (expected opening, announcement, question, followup, answer, interjection, closing, narration or highlights)',
    );
  });

  it('reads speaker and label of a turn; an empty label stays empty, no label stays absent', () => {
    const t = parse(doc([':::opening{speaker="王毅" label=""}', '好。', ':::', '', ':::narration{label="旁白"}', '（笑）', ':::', '', ':::closing', '散会。', ':::'])).turns;
    expect(t[0]).toStrictEqual({ kind: 'opening', speaker: '王毅', label: '', paragraphs: ['好。'] });
    expect(t[1]).toStrictEqual({ kind: 'narration', label: '旁白', paragraphs: ['（笑）'] });
    expect(t[2]).toStrictEqual({ kind: 'closing', paragraphs: ['散会。'] });
  });

  it('reads a question: seq from the attribute or else its id, label, outlet, title, topics', () => {
    const t = parse(doc([':::question{#2021-03-07-03 label="路透社记者" outlet="路透社" title="题" topics="中美  台湾"}', '问？', ':::', '', ':::followup{#2021-03-07-03-f2}', '追？', ':::', '', ':::question{#2021-03-07-04 seq="9"}', '再问？', ':::'])).turns;
    expect(t[0]!.question).toStrictEqual({ id: '2021-03-07-03', seq: 3, label: '路透社记者', outlet: '路透社', title: '题', topics: ['中美', '台湾'] });
    expect(t[0]!.label).toBeUndefined();
    expect(t[1]!.question).toStrictEqual({ id: '2021-03-07-03-f2', seq: 2, parent: '2021-03-07-03', label: '', outlet: '', title: '', topics: [] });
    expect(t[2]!.question!.seq).toBe(9);
    // a follow-up's seq attribute wins over its id's number too
    const f = parse(doc([':::question{#2021-03-07-01}', '问？', ':::', '', ':::followup{#2021-03-07-01-f1 seq="4"}', '追？', ':::'])).turns[1]!;
    expect(f.question!.seq).toBe(4);
  });

  it('names the id a question or a follow-up needs', () => {
    expect(error(doc([':::question', '问？', ':::']))).toBe('b/x.md:9:1: :::question needs an id, e.g. {#2021-03-07-01}');
    expect(error(doc([':::question{#2021-03-07-01}', '问？', ':::', '', ':::followup', '追？', ':::']))).toBe('b/x.md:13:1: :::followup needs an id, e.g. {#2021-03-07-01-f1}');
    expect(error(doc([':::question{#2021-03-07-1}', '问？', ':::']))).toBe('b/x.md:9:1: malformed question id "2021-03-07-1": expected 2021-03-07-NN (the event id and a two-digit number)');
    expect(error(doc([':::question{#2021-03-07-01}', '问？', ':::', '', ':::followup{#2021-03-07-01}', '追？', ':::']))).toBe(
      'b/x.md:13:1: malformed followup id "2021-03-07-01": expected the id of its question and -f1, -f2 … (e.g. 2021-03-07-01-f1)',
    );
    expect(error(doc([':::question{#2021-03-07-01}', '问？', ':::', '', ':::question{#2021-03-07-01}', '问？', ':::']))).toBe('b/x.md:13:1: duplicate id "2021-03-07-01" (already used on line 9)');
    expect(error(doc([':::question{#2021-03-07-01}', '问？', ':::', '', ':::followup{#2021-03-07-02-f1}', '追？', ':::']))).toBe(
      'b/x.md:13:1: follow-up "2021-03-07-02-f1" follows question "2021-03-07-01", not "2021-03-07-02"',
    );
    expect(error(doc([':::followup{#2021-03-07-01-f1}', '追？', ':::']))).toBe('b/x.md:9:1: follow-up "2021-03-07-01-f1" does not follow a question');
    expect(error(doc([':::question{#2021-03-07-01}', '问？', ':::', '', ':::followup{#2021-03-07-01-f1 parent="2021-03-07-02"}', '追？', ':::']))).toBe(
      'b/x.md:13:1: follow-up "2021-03-07-01-f1" names parent="2021-03-07-02" but its id belongs to "2021-03-07-01"',
    );
    // the parent attribute, when it agrees, is fine
    expect(parse(doc([':::question{#2021-03-07-01}', '问？', ':::', '', ':::followup{#2021-03-07-01-f1 parent="2021-03-07-01"}', '追？', ':::'])).turns[1]!.question!.parent).toBe('2021-03-07-01');
  });

  it('format 1: questions numbered in order when they have no seq, follow-ups refused, message only when ids change', () => {
    const v1 = FM.map((l) => (l === 'pressbook: 2' ? 'pressbook: 1' : l));
    const { event, file } = parseEventMarkdown(doc([':::question{#2021-03-07-01}', '一？', ':::', '', ':::question{#2021-03-07-02}', '二？', ':::'], v1), 'old.md');
    expect(event.turns.map((t) => [t.question!.id, t.question!.seq])).toEqual([['2021-03-07-01', 1], ['2021-03-07-02', 2]]);
    expect(file.messages).toEqual([]);
    const renumbered = parseEventMarkdown(doc([':::question{#2021-9}', '一？', ':::', '', ':::question{#2021-10}', '二？', ':::'], v1), 'old.md');
    expect(renumbered.event.turns.map((t) => [t.question!.id, t.question!.seq])).toEqual([['2021-03-07-01', 1], ['2021-03-07-02', 2]]);
    expect(renumbered.file.path).toBe('old.md');
    // the message names the first question's ids even when the event opens with another turn
    const opened = parseEventMarkdown(doc([':::opening{speaker="王毅"}', '好。', ':::', '', ':::question{#2021-9}', '一？', ':::'], v1), 'old.md');
    expect(opened.file.messages.map((m) => m.reason)).toEqual([expect.stringContaining('(2021-9 → 2021-03-07-01 …)')]);
    expect(renumbered.file.messages.map((m) => [m.reason, m.line, m.column])).toEqual([
      ['format 1 file: question ids renumbered under the event (2021-9 → 2021-03-07-01 …); save it again with `pressbook clean` to upgrade', 1, 1],
    ]);
    expect(error(doc([':::question{#2021-9}', '一？', ':::', '', ':::followup{#2021-9-f1}', '追？', ':::'], v1))).toBe('b/x.md:13:1: :::followup needs format 2 (front matter "pressbook: 2")');
  });
});

describe(':::highlights', () => {
  const hl = (...lines: string[]) => doc(['::::highlights{source="a.txt"}', ...lines, '::::', '', ...answer('答。')]);
  it('reads each item of the list with its source (none: empty)', () => {
    expect(parse(hl('- 第一点', '- 第二', '  点')).highlights).toEqual([
      { text: '第一点', source: 'a.txt' },
      { text: '第二点', source: 'a.txt' },
    ]);
    expect(parse(doc(['::::highlights', '- 点', '::::'])).highlights).toEqual([{ text: '点', source: '' }]);
  });
  it('refuses anything but a one-line-per-item bullet list', () => {
    expect(error(hl('一段话'))).toBe('b/x.md:10:1: :::highlights hold a bullet list only, not paragraph');
    expect(error(hl('> 引'))).toBe('b/x.md:10:1: :::highlights hold a bullet list only, not a quote (a line starting with ">")');
    expect(error(hl('- 点', '', '  > 引'))).toBe('b/x.md:12:3: a quote (a line starting with ">") inside a highlight: one line of text per "-" item');
    expect(error(hl('- 点', '', '      代码'))).toMatch(/^b\/x\.md:12:\d+: a code block .* inside a highlight/);
    expect(error(hl('- *强调*'))).toMatch(/^b\/x\.md:10:3: emphasis \(\*…\* or _…_\) inside a highlight would lose characters/);
  });
});

describe('the writer', () => {
  const base = (): PressEvent => ({
    meta: { id: '2021-03-07', date: '2021-03-07', year: 2021, title: '记者会', language: 'zh-CN', sources: [{ file: 'a.txt', role: 'primary' }] },
    highlights: [],
    turns: [],
  });

  it('writes the body exactly: title on one line, highlights grouped by source, turns with their attributes', () => {
    const ev = base();
    ev.meta.title = '记者会\n  第二行';
    ev.highlights = [
      { text: '甲', source: 'a.txt' },
      { text: '乙', source: 'b.txt' },
      { text: '丙', source: 'a.txt' },
    ];
    ev.turns = [
      { kind: 'opening', speaker: '王毅', label: '', paragraphs: ['一。', '二。'] },
      { kind: 'narration', label: '', paragraphs: ['（笑）'] },
      { kind: 'closing', paragraphs: ['完。'] },
      { kind: 'question', paragraphs: ['问？'], question: { id: '2021-03-07-01', seq: 1, label: '', outlet: '路透社', title: '', topics: [] } },
      { kind: 'followup', paragraphs: ['追？'], question: { id: '2021-03-07-01-f1', seq: 1, parent: '2021-03-07-01', label: 'L', outlet: 'O', title: 'T', topics: ['甲', '乙'] } },
    ];
    expect(serializeBody(ev)).toBe(
      [
        '# 记者会 第二行',
        '',
        '::::highlights{source="a.txt"}\n- 甲\n- 丙\n::::',
        '',
        '::::highlights{source="b.txt"}\n- 乙\n::::',
        '',
        ':::opening{speaker="王毅" label=""}\n一。\n\n二。\n:::',
        '',
        ':::narration{label=""}\n（笑）\n:::',
        '',
        ':::closing\n完。\n:::',
        '',
        ':::question{#2021-03-07-01 seq="1" outlet="路透社"}\n问？\n:::',
        '',
        ':::followup{#2021-03-07-01-f1 parent="2021-03-07-01" seq="1" label="L" outlet="O" title="T" topics="甲 乙"}\n追？\n:::',
        '',
      ].join('\n'),
    );
    // and it parses back to the same event (the title joined)
    const back = parseEventMarkdown(serializeEvent(ev), 'x.md').event;
    expect(back.turns).toEqual(ev.turns);
    expect(back.highlights).toEqual([ev.highlights[0], ev.highlights[2], ev.highlights[1]]);
  });

  it('a turn of kind question without its question data is written as a plain turn', () => {
    const ev = base();
    ev.turns = [{ kind: 'question', speaker: '记者', paragraphs: ['问？'] }];
    expect(serializeBody(ev)).toBe('# 记者会\n\n:::question{speaker="记者"}\n问？\n:::\n');
    const f = base();
    f.turns = [{ kind: 'followup', paragraphs: ['追？'] }];
    expect(serializeBody(f)).toBe('# 记者会\n\n:::followup\n追？\n:::\n');
  });

  it('writes the front matter in order, without empty fields, on unfolded lines, with the hash of the rest', () => {
    const ev = base();
    ev.meta.title = '很长的标题'.repeat(30);
    ev.meta.session = '十三届全国人大三次会议';
    ev.meta.sources = [{ file: 'a.txt', role: 'primary', damaged: undefined } as PressEvent['meta']['sources'][number]];
    const md = serializeEvent(ev);
    const fm = md.slice(0, md.indexOf('\n---\n') + 5);
    const hash = /^hash: ([0-9a-f]+)$/m.exec(fm)![1]!;
    expect(hash).toHaveLength(32);
    expect(fm).toBe(['---', 'pressbook: 2', 'id: 2021-03-07', 'date: 2021-03-07', 'year: 2021', `title: ${ev.meta.title}`, 'session: 十三届全国人大三次会议', 'language: zh-CN', 'sources:', '  - file: a.txt', '    role: primary', `hash: ${hash}`, '---', ''].join('\n'));
    expect(md.slice(fm.length)).toBe('\n' + serializeBody(ev));
    expect(hash).toBe(hashText(md.replace(`hash: ${hash}\n`, '')));
    expect(hashText('x')).toBe('2d711642b726b04401627ca9fbac32f5');
    // a long title with spaces stays on one line (YAML would fold it at 80 columns)
    const en = base();
    en.meta.title = 'Press conference of the Minister of Foreign Affairs on foreign policy and foreign relations, March 2021';
    expect(serializeEvent(en)).toContain(`\ntitle: ${en.meta.title}\n`);
  });

  it('sees a hand edit anywhere, and a file without a hash as hand-written', () => {
    const md = serializeEvent(richEvent());
    expect(isHandEdited(md)).toBe(false);
    expect(isHandEdited(md.replace('title: 例行记者会', 'title: 例行记者会！'))).toBe(true);
    expect(isHandEdited(md.replace(/^hash: .*\n/m, ''))).toBe(true);
    expect(isHandEdited(md.replace(/^hash: ([0-9a-f]+)$/m, 'hash: $1x'))).toBe(true);
    expect(isHandEdited(md.replace(/^(hash: [0-9a-f]+)$/m, ' $1'))).toBe(true);
  });
});

describe('a folder of canonical Markdown', () => {
  const write = (dir: string, name: string, ev: PressEvent) => writeFileSync(join(dir, name), serializeEvent(ev));

  it('reads the .md files only, sorted by date then id whatever the file names', () => {
    const dir = tempDir('pb-md-strict-');
    write(dir, 'a.md', richEvent('2021-03-07b', '2021-03-07'));
    write(dir, 'b.md', richEvent('2021-03-07'));
    write(dir, 'c.md', richEvent('2020-05-24'));
    writeFileSync(join(dir, 'notes.txt'), '不是 Markdown');
    writeFileSync(join(dir, 'questions.json'), '[]');
    expect(readMarkdownFolder(dir).map((e) => e.meta.id)).toEqual(['2020-05-24', '2021-03-07', '2021-03-07b']);
  });

  it('reads only the files named, by base name, in any order of names', () => {
    const dir = tempDir('pb-md-strict-');
    write(dir, 'a.md', richEvent('2021-03-07'));
    write(dir, 'b.md', richEvent('2020-05-24'));
    write(dir, 'c.md', richEvent('2019-01-01'));
    expect(readMarkdownFolder(dir, undefined, ['/elsewhere/b.md', 'a.md']).map((e) => e.meta.id)).toEqual(['2020-05-24', '2021-03-07']);
    expect(readMarkdownFolder(dir, undefined, [])).toEqual([]);
  });

  it('names both files of one event id, the later by sorted name', () => {
    const dir = tempDir('pb-md-strict-');
    write(dir, 'z.md', richEvent('2021-03-07'));
    write(dir, 'm.md', richEvent('2021-03-07'));
    const message = `${join(dir, 'z.md')}:1: event id "2021-03-07" is also the id of ${join(dir, 'm.md')} (a later event of the same date takes 2021-03-07b, 2021-03-07c …)`;
    expect(() => readMarkdownFolder(dir)).toThrowError(message);
    // named in any order, the files are read in sorted order too
    expect(() => readMarkdownFolder(dir, undefined, ['z.md', 'm.md'])).toThrowError(message);
    try {
      readMarkdownFolder(dir);
    } catch (e) {
      expect(e).toBeInstanceOf(PressbookError);
      expect([(e as PressbookError).file, (e as PressbookError).line]).toEqual([join(dir, 'z.md'), 1]);
    }
  });

  it('reads a format-1 file without a message callback', () => {
    const dir = tempDir('pb-md-strict-');
    writeFileSync(join(dir, 'old.md'), doc([':::question{#2021-9}', '一？', ':::'], FM.map((l) => (l === 'pressbook: 2' ? 'pressbook: 1' : l))));
    expect(readMarkdownFolder(dir)[0]!.turns[0]!.question!.id).toBe('2021-03-07-01');
  });

  it('hands no message over for a current file', () => {
    const dir = tempDir('pb-md-strict-');
    write(dir, 'a.md', richEvent('2021-03-07'));
    const msgs: string[] = [];
    readMarkdownFolder(dir, (m) => msgs.push(m));
    expect(msgs).toEqual([]);
  });
});
