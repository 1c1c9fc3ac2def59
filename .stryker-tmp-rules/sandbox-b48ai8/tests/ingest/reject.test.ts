/** Loud failure: reasons and hints for sources that publish nothing. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanSources } from '../../src/ingest/index.js';
import { describePrefixes, labelPrefixes } from '../../src/ingest/sources/reject.js';

describe('rejection hints', () => {
  it('lists the most frequent label-like prefixes and how the engine reads them', () => {
    const lines = ['主持人：欢迎。', '嘉宾：谢谢。', '主持人：请讲。', '嘉宾：好的。', '主持人：再见。', '这是一句话：没有标签。'].map((text) => ({ text }));
    expect(labelPrefixes(lines)).toEqual([
      { label: '主持人', count: 3 },
      { label: '嘉宾', count: 2 },
      { label: '这是一句话', count: 1 },
    ]);
    expect(describePrefixes(lines)).toMatch(/^label-like prefixes found: "主持人："×3 \(read as a speaker label\), "嘉宾："×2 \(read as a speaker label\), "这是一句话："×1 — none of them is read as a question label$/);
    expect(describePrefixes([{ text: '没有任何标签的文字。' }])).toBe('found no "X：" label at the start of any paragraph');
  });

  it('a digest that joins no event is an error with its reason, and the run still reports the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pb-digest-'));
    writeFileSync(
      join(dir, 'digest.txt'),
      [
        '2020年2月18日外交部例行记者会要点',
        '',
        '发言人表示，中方对美方的做法坚决反对。',
        '',
        '发言人指出，中方将为撤离工作提供必要协助。',
        '',
        '发言人强调，中方愿同各方加强合作。',
        '',
        '发言人重申，中方的立场是一贯的。',
      ].join('\n'),
    );
    const r = await cleanSources([dir]);
    expect(r.events).toEqual([]);
    expect(r.report.sources[0]!.role).toBe('digest');
    expect(r.report.errors).toHaveLength(1);
    expect(r.report.errors[0]!.message).toMatch(/digest\.txt: no press conference published: read as a news digest .* and (no event of 2020-02-18 to attach it to|no date found to attach it to an event)/);
    expect(r.report.errors[0]!.hint).toMatch(/^if it is a transcript, expected question labels/);
  });
});
