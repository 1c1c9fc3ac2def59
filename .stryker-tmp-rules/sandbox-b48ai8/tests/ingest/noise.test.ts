import { describe, expect, it } from 'vitest';
import { noise } from '../../src/ingest/rules/noise.js';

const L = (text: string) => text.split('\n').map((t, i) => ({ text: t, src: i + 1 }));

describe('noise', () => {
  it('removes photo captions and credits, reporting text and line', () => {
    const r = noise(L('正文第一段。\n\n▲5月24日，记者会现场。\n新华社记者才扬摄\n\n正文第二段。\n\n记者会现场视觉中国供图\n\n北京，3月7日。中青报·中青网记者李强/摄'), 'f');
    expect(r.lines.filter((l) => l.text).map((l) => l.text)).toEqual(['正文第一段。', '正文第二段。']);
    expect(r.diags.map((d) => [d.line, d.removed])).toEqual([
      [3, '▲5月24日，记者会现场。'],
      [4, '新华社记者才扬摄'],
      [8, '记者会现场视觉中国供图'],
      [10, '北京，3月7日。中青报·中青网记者李强/摄'],
    ]);
    expect(r.counts.caption).toBe(4);
  });
  it('removes QR prompts and page furniture', () => {
    const r = noise(L('甲。\n\n扫一扫，看完整版\n版记者会实录\n\n这是双重标准。（下转3版）\n责任编辑：张三'), 'f');
    expect(r.lines.map((l) => l.text).filter(Boolean)).toEqual(['甲。', '这是双重标准。']);
    expect(r.diags.filter((d) => d.removed !== undefined).map((d) => d.removed)).toEqual(['（下转3版）', '责任编辑：张三', '扫一扫，看完整版', '版记者会实录']);
    // the rule itself says the source is incomplete (the warning used to be added by the engine)
    expect(r.diags.find((d) => d.removed === undefined)).toMatchObject({ rule: 'noise', severity: 'warning', line: 6, message: expect.stringContaining('incomplete source') });
    expect(r.diags[0]).toMatchObject({ line: 6, column: 8 });
  });
  it('removes a headline repeated at the end and returns it', () => {
    const r = noise(L('导语。\n\n王毅：回答。\n\n记者会历时1小时。\n\n团结合作是最有力武器\n——王毅就外交政策回答中外记者提问'), 'f');
    expect(r.headline).toBe('团结合作是最有力武器');
    expect(r.lines.map((l) => l.text).filter(Boolean)).toEqual(['导语。', '王毅：回答。', '记者会历时1小时。']);
    expect(r.diags).toHaveLength(2);
  });
  it('keeps ordinary text', () => {
    const text = '我们拍摄了纪录片。\n\n他说，扫一扫二维码就能捐款，这很方便，大家都可以参与进来帮助别人。';
    const r = noise(L(text), 'f');
    expect(r.diags).toEqual([]);
  });
});
