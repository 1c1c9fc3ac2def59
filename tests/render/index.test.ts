/**
 * The topic index: keywords match whole words (ICU word breaks), topics and outlets are merged through
 * the alias tables of the preset and the config, topic groups follow the table with "other" last.
 */
import { describe, expect, it } from 'vitest';
import { containsWord, tagTopics } from '../../src/ingest/topics.js';
import { loadPreset } from '../../src/ingest/preset.js';
import { exampleBook } from '../helpers/example.js';
import { bookView } from '../../src/render/shared/book-view.js';
import { loadTheme } from '../../src/render/shared/theme.js';
import { loadLocale } from '../../src/render/shared/locale.js';

describe('topic keywords on word boundaries', () => {
  it('does not find 美国 in 拉美国家, finds it in 美国总统', () => {
    expect(containsWord('拉美国家同中国的合作', '美国', ['拉美'])).toBe(false);
    expect(containsWord('欧美国家', '美国', ['欧美'])).toBe(false);
    expect(containsWord('美国总统拜登', '美国')).toBe(true);
    expect(containsWord('中美关系', '中美')).toBe(true);
  });
  it('tags the 2021 question of 古巴拉美通讯社 拉美, not 中美', () => {
    const table = loadPreset('npc').topics;
    const t = tagTopics('中方如何看待中国同拉美国家关系的发展前景？', table);
    expect(t).toContain('拉美');
    expect(t).not.toContain('中美');
  });
});

describe('question index of the example', () => {
  const book = exampleBook();
  const locale = loadLocale(book.config.language);
  const view = bookView(book, loadTheme(book.config.theme, 'print', book.config.root), locale);
  const ids = (name: string) => view.index.byTopic.find((g) => g.name === name)?.entries.map((q) => q.id) ?? [];

  it('files 2021-03-07-26 (古巴拉美通讯社) under 拉美, not 中美', () => {
    const q = book.events.flatMap((e) => e.turns).find((t) => t.question?.id === '2021-03-07-26')!;
    expect(q.question!.outlet).toBe('古巴拉美通讯社');
    expect(ids('中美')).not.toContain('2021-03-07-26');
    expect(ids('拉美')).toContain('2021-03-07-26');
  });

  it('has one group per topic, in the table order, 其他 last, no entry twice in a group', () => {
    const names = view.index.byTopic.map((g) => g.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain('气候变化');
    expect(names[names.length - 1]).toBe(locale.words.otherTopic);
    const order = Object.keys(loadPreset('npc').topics);
    const known = names.filter((n) => order.includes(n));
    expect(known).toEqual([...known].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    for (const g of view.index.byTopic) expect(new Set(g.entries.map((q) => q.anchor)).size, g.name).toBe(g.entries.length);
  });

  it('lists each outlet once (共同社 / 日本共同社, CGTN, 24KZ / 24K2 merged)', () => {
    const names = view.index.byOutlet.map((g) => g.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('共同社');
    expect(names).not.toContain('日本共同社');
    expect(names).not.toContain('中央广播电视总台中国国际电视台');
    expect(names).not.toContain('哈萨克斯坦24K2电视台');
    // the text keeps what the source printed
    const outlets = book.events.flatMap((e) => e.turns).map((t) => t.question?.outlet);
    expect(outlets).toContain('日本共同社');
    const entries = view.index.byOutlet.reduce((n, g) => n + g.entries.length, 0);
    expect(entries).toBeGreaterThanOrEqual(57);
  });
});
