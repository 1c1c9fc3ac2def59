/** Saved web pages of any site: article by density, title/date from the page, blanks, conservation. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { extractHtml } from '../../src/ingest/html.js';
import { applyPageMeta, parseDate } from '../../src/ingest/sources/page.js';
import { normalizeBlankLine, normalizeBlanks } from '../../src/ingest/sources/blanks.js';
import { processFile, processText } from '../../src/ingest/index.js';
import { matchLabel } from '../../src/ingest/labels.js';
import { mergeTopics } from '../../src/ingest/topics.js';
import { countHan } from '../../src/ingest/text.js';
import { lineOf } from './helpers.js';

const CORPUS = 'tests/fixtures/corpus/zh/';
const PAGES = 'tests/fixtures/pages/';
const read = (p: string) => readFileSync(p, 'utf8');

/** Han characters of the visible text and <title>, counted by another parser (htmlparser2). */
function visibleHan(html: string): number {
  let n = 0;
  let hidden = 0;
  const p = new Parser({
    onopentag(name) {
      if (/^(script|style|noscript|template|svg|iframe|select|option|button|textarea|object|canvas)$/.test(name)) hidden++;
    },
    onclosetag(name) {
      if (/^(script|style|noscript|template|svg|iframe|select|option|button|textarea|object|canvas)$/.test(name)) hidden--;
    },
    ontext(t) {
      if (!hidden) n += countHan(t);
    },
  }, { decodeEntities: true });
  p.write(html);
  p.end();
  return n;
}

const article = (r: ReturnType<typeof extractHtml>) => r.lines.map((l) => l.text).join('\n');
const removed = (r: ReturnType<typeof extractHtml>) => r.diags.map((d) => d.removed ?? '').join('\n');

describe('ministry pages (real, 2017 and 2018 layouts)', () => {
  const cases = [
    { file: '2017-01-01-qa.html', date: '2017-01-01', from: 'date-line', title: '外交部发言人华春莹就土耳其伊斯坦布尔发生枪击事件答记者问' },
    { file: '2017-01-03.html', date: '2017-01-03', from: 'title', title: '2017年1月3日外交部发言人耿爽主持例行记者会' },
    { file: '2017-12-14.html', date: '2017-12-14', from: 'title', title: '2017年12月14日外交部发言人陆慷主持例行记者会' },
    { file: '2018-07-02.html', date: '2018-07-02', from: 'title', title: '2018年7月2日外交部发言人陆慷主持例行记者会' },
    { file: '2018-10-19.html', date: '2018-10-19', from: 'title', title: '2018年10月19日外交部发言人陆慷主持例行记者会' },
  ];
  for (const c of cases)
    it(`${c.file}: title, date and the article only`, () => {
      const html = read(CORPUS + c.file);
      const r = extractHtml(html, c.file);
      expect(r.page.title).toBe(c.title);
      expect(r.page.date).toBe(c.date);
      expect(r.page.dateFrom).toBe(c.from);
      const text = article(r);
      expect(text).toMatch(/问：/);
      expect(text).not.toMatch(/相关新闻|打印本页|字体：|版权所有|首页/);
      // the "related news" list below the article is removed, with its lines
      expect(removed(r)).toMatch(/首页/);
      // Han characters: printed (article) + reported as removed = the page's visible text
      expect(countHan(text) + countHan(removed(r))).toBe(visibleHan(html));
      expect(r.diags.every((d) => d.line >= 1 && d.removed !== undefined)).toBe(true);
    });

  it('the title line opens the text, so the text agrees with the page', () => {
    const html = read(CORPUS + '2018-07-02.html');
    const r = extractHtml(html, 'p');
    const title = '2018年7月2日外交部发言人陆慷主持例行记者会';
    expect(r.lines[0]!.text).toBe(title);
    // from the article's own title element, not the page's <title>
    expect(r.lines[0]!.src).toBe(lineOf(html, title, (l) => !l.includes('<title>')));
  });
});

describe('pages of other sites', () => {
  it('news site: <article> between nav, sidebar, related links and comments', () => {
    const html = read(PAGES + 'news-article.html');
    const r = extractHtml(html, 'news.html');
    expect(r.page).toMatchObject({ title: '外交部发言人耿爽就中美经贸磋商等答记者问', titleFrom: 'h1', date: '2019-03-12', dateFrom: 'meta' });
    const text = article(r);
    expect(text).toMatch(/路透社记者：/);
    expect(text).toMatch(/彭博社记者：/);
    for (const junk of ['热点新闻', '专家解读', '相关阅读', '网友评论', '这次记者会回答得很清楚', '分享到', '关于我们', '搜索新闻']) expect(text).not.toContain(junk);
    expect(removed(r)).toContain('这次记者会回答得很清楚');
    expect(countHan(text) + countHan(removed(r))).toBe(visibleHan(html));
  });

  it('portal: a table layout, article cut by <br>, date in a line above it', () => {
    const html = read(PAGES + 'portal-br.html');
    const r = extractHtml(html, 'portal.html');
    expect(r.page).toMatchObject({ title: '外交部发言人赵立坚主持例行记者会', date: '2020-02-18', dateFrom: 'date-line' });
    expect(r.page.dateEvidence!.text).toMatch(/^发布时间：2020年02月18日/);
    const paras = r.lines.filter((l) => l.text.trim());
    expect(paras.length).toBe(1 + 8); // title line + 8 <br>-separated paragraphs
    expect(paras[2]!.text).toMatch(/俄新社记者/);
    expect(new Set(paras.slice(1).map((l) => l.src)).size).toBe(8); // each with its own source line
    expect(article(r)).not.toMatch(/当前位置|打印本页|主办单位|浏览次数/);
    expect(countHan(article(r)) + countHan(removed(r))).toBe(visibleHan(html));
  });

  it('blog: <div> paragraphs, <time> and JSON-LD, recommended links dropped', () => {
    const html = read(PAGES + 'blog-divs.html');
    const r = extractHtml(html, 'blog.html');
    expect(r.page).toMatchObject({ title: '全文实录：王毅回答中外记者提问', date: '2021-03-07', dateFrom: 'json-ld' });
    expect(article(r)).toMatch(/塔斯社记者：/);
    expect(article(r)).not.toMatch(/推荐阅读|2019年两会|标签|文章归档/);
    expect(countHan(article(r)) + countHan(removed(r))).toBe(visibleHan(html));
  });

  it('table layout: an article cut in two by an advertisement is read whole, the sidebar cell is not', () => {
    const html = read(PAGES + 'split-table.html');
    const r = extractHtml(html, 'split.html');
    expect(r.page).toMatchObject({ title: '王毅谈中美关系：双方应相向而行', titleFrom: 'h1', date: '2021-03-07', dateFrom: 'meta' });
    const text = article(r);
    expect(text).toMatch(/美国全国广播公司记者：/);
    expect(text).toMatch(/塔斯社记者：/);
    expect(text).not.toMatch(/优惠券|栏目导航|春季招聘会/);
    expect(removed(r)).toMatch(/春季招聘会/);
    expect(countHan(text) + countHan(removed(r))).toBe(visibleHan(html));
  });

  it('processFile: three questions each, the page date wins over a date quoted in a turn', () => {
    const topics = mergeTopics();
    const expected: Record<string, { date: string; title: string }> = {
      'news-article.html': { date: '2019-03-12', title: '外交部发言人耿爽就中美经贸磋商等答记者问' },
      'portal-br.html': { date: '2020-02-18', title: '外交部发言人赵立坚主持例行记者会' },
      'blog-divs.html': { date: '2021-03-07', title: '全文实录：王毅回答中外记者提问' },
    };
    for (const [f, e] of Object.entries(expected)) {
      const p = processFile(PAGES + f, topics);
      expect(p.kind).toBe('transcript');
      expect(p.turns.filter((t) => t.kind === 'question')).toHaveLength(3);
      expect(p.meta.date).toBe(e.date);
      expect(p.meta.year).toBe(Number(e.date.slice(0, 4)));
      expect(p.meta.title).toBe(e.title);
      expect(p.report.messages.some((m) => m.rule === 'html' && m.message.startsWith(`date ${e.date} from the page`))).toBe(true);
    }
    // the U+3000 indents and the zero-width space before "赵立坚：" were normalised and counted
    const portal = processFile(PAGES + 'portal-br.html', topics);
    expect(portal.report.fixes.blanks).toBeGreaterThanOrEqual(18);
    expect(portal.turns[0]).toMatchObject({ kind: 'opening', speaker: '赵立坚' });
  });

  it('a page where nothing is an article: everything is reported, nothing printed', () => {
    const html = '<!DOCTYPE html><html><head><title>导航页</title></head><body><nav><a href="/">首页</a><a href="/a">新闻</a></nav><footer>版权所有</footer></body></html>';
    const r = extractHtml(html, 'x.html');
    expect(r.lines.filter((l) => l.text.trim())).toHaveLength(0);
    expect(countHan(removed(r))).toBe(visibleHan(html));
  });
});

describe('page metadata wins', () => {
  it('date and title of the page replace those of the text; a bare <title> does not replace a title found in the text', () => {
    const meta: { date?: string; year?: number; title?: string } = { date: '2020-02-17', year: 2020, title: '王毅就中国外交政策回答中外记者提问' };
    const note = applyPageMeta(meta, { title: '新华网', titleFrom: '<title>', date: '2020-02-18', dateFrom: 'meta', dateEvidence: { text: 'x', line: 3 } });
    expect(meta).toEqual({ date: '2020-02-18', year: 2020, title: '王毅就中国外交政策回答中外记者提问' });
    expect(note).toMatch(/date 2020-02-18 from the page \(meta: "x"\) instead of 2020-02-17 found in the text/);
    applyPageMeta(meta, { title: '外交部发言人答记者问', titleFrom: 'h1' });
    expect(meta.title).toBe('外交部发言人答记者问');
  });
});

describe('page dates', () => {
  it('a title with only month and day takes the year of publication, never a later day', () => {
    const page = (title: string, pub: string) =>
      extractHtml(`<html><head><meta name="pubdate" content="${pub}"></head><body><h1>${title}</h1><div><p>　　记者：请问中方有何评论？</p><p>　　发言人：中方的立场是一贯的，我们坚决反对这种做法。</p></div></body></html>`, 'x.html').page;
    expect(page('3月12日外交部例行记者会', '2019-03-13 08:00')).toMatchObject({ date: '2019-03-12', dateFrom: 'title' });
    expect(page('12月31日外交部例行记者会', '2020-01-02')).toMatchObject({ date: '2019-12-31', dateFrom: 'title' });
    expect(page('外交部例行记者会', '2019-03-13')).toMatchObject({ date: '2019-03-13', dateFrom: 'meta' });
  });

  it('reads the usual date forms and rejects impossible ones', () => {
    expect(parseDate('2018年7月2日外交部发言人')).toBe('2018-07-02');
    expect(parseDate('发布时间：2020年02月18日')).toBe('2020-02-18');
    expect(parseDate('2019-03-12T18:05:00+08:00')).toBe('2019-03-12');
    expect(parseDate('2021/3/7 19:30')).toBe('2021-03-07');
    expect(parseDate('2017.12.14')).toBe('2017-12-14');
    expect(parseDate('20190312T101500Z')).toBe('2019-03-12');
    expect(parseDate("Regular Press Conference on December 26, 2018")).toBe('2018-12-26');
    expect(parseDate('Posted 7 Mar. 2021')).toBe('2021-03-07');
    expect(parseDate('February 30, 2019')).toBeUndefined();
    expect(parseDate('2019-02-30')).toBeUndefined();
    expect(parseDate('浏览次数：12345')).toBeUndefined();
  });
});

describe('blanks', () => {
  it('normalises nbsp, U+3000 indents, zero-width and other spaces, with counts', () => {
    const r = normalizeBlankLine('\u3000\u3000\u200b俄新社记者：\u00a0问题\u2003内容 ');
    expect(r.text).toBe('俄新社记者： 问题 内容');
    expect(r.counts).toEqual({ nbsp: 1, ideographic: 2, zeroWidth: 1, other: 1, trimmed: 1 });
    expect(normalizeBlankLine('plain ASCII').text).toBe('plain ASCII');
  });

  it('makes the labels hidden behind full-width indents visible', () => {
    const raw = '\u3000\u3000俄新社记者：请问中方有何评论？';
    const { lines, fixes, diags } = normalizeBlanks([{ text: raw, src: 7 }], 'f.txt');
    expect(matchLabel(lines[0]!.text, new Set())).toMatchObject({ kind: 'question', label: '俄新社记者' });
    expect(fixes).toBe(2);
    expect(diags[0]).toMatchObject({ line: 7, rule: 'blanks', severity: 'info' });
  });

  it('processText: a plain-text transcript indented with U+3000 keeps its questions', () => {
    const text = [
      '\u3000\u30002020年2月18日外交部发言人耿爽主持例行记者会',
      '',
      '\u3000\u3000俄新社记者：美方宣布新的限制措施。中方有何回应？',
      '',
      '\u3000\u3000耿爽：我们注意到有关报道，中方坚决反对。',
      '',
      '\u3000\u3000法新社记者：有关国家撤侨，中方是否提供协助？',
      '',
      '\u3000\u3000耿爽：中方将提供必要协助和便利。',
    ].join('\n');
    const p = processText(text, 't.txt');
    expect(p.kind).toBe('transcript');
    expect(p.turns.filter((t) => t.kind === 'question').map((t) => t.question!.label)).toEqual(['俄新社记者', '法新社记者']);
    expect(p.report.fixes.blanks).toBe(10);
  });
});
