import { describe, expect, it } from 'vitest';
import { bindEntryEnds, tailStart } from '../../src/render/print/entry-ends.js';
import { autospace } from '../../src/render/shared/autospace.js';

describe('TOC/index entry ends (entry-ends.ts)', () => {
  it('binds the last two characters and the question mark of an entry before its leader', () => {
    const html = '<li><a class="toc-line" href="#q"><span class="toc-text"><span class="qno">3</span> 新华社：中方如何看待后疫情世界和全球化未来？</span><span class="leader"></span><span class="pn" data-target="q">5</span></a></li>';
    expect(bindEntryEnds(html)).toBe(html.replace('未来？</span><span class="leader">', '<span class="pb-bind">未来？</span></span><span class="leader">'));
  });
  it('binds the compact question lists (no leader) and leaves short entries, Latin words and entities alone', () => {
    expect(bindEntryEnds('<span class="toc-text">一二三四五六七八九</span></a>')).toContain('<span class="pb-bind">八九</span></span></a>');
    expect(bindEntryEnds('<span class="toc-text">短条目？</span><span class="leader">')).toBe('<span class="toc-text">短条目？</span><span class="leader">');
    expect(tailStart('What does China think of it?')).toBe(-1);
    expect(tailStart('中美关系的未来&amp;')).toBe(-1);
    expect(tailStart('中美关系的未来如何COVID')).toBe(-1);
    const t = '中美关系的&quot;未来&quot;如何？';
    expect(t.slice(tailStart(t))).toBe('如何？');
  });
});

describe('Han–Latin/digit gap (autospace.ts)', () => {
  it('wraps the runs next to Han, in text only, with the side of the gap', () => {
    const out = autospace('<body><p title="2020年">2020年5月24日，APP和COVID-19疫情；15.3%的人 a 2 b</p></body>');
    expect(out).toBe('<body><p title="2020年"><span class="pb-as-a">2020</span>年<span class="pb-as-b pb-as-a">5</span>月<span class="pb-as-b pb-as-a">24</span>日，<span class="pb-as-a">APP</span>和<span class="pb-as-b pb-as-a">COVID-19</span>疫情；<span class="pb-as-a">15.3%</span>的人 a 2 b</p></body>');
    // the text stays the text: only tags are added
    expect(out.replace(/<[^>]*>/g, '')).toBe('2020年5月24日，APP和COVID-19疫情；15.3%的人 a 2 b');
  });
  it('leaves styles, scripts and character references alone', () => {
    const html = '<head><style>.a{content:"年2"}</style></head><body>年&#39;a</body>';
    expect(autospace(html)).toBe(html);
  });
});
