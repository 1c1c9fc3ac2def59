/**
 * The spacing rule's Latin-punctuation clause and dotted numbers (written against the survivors of a
 * StrykerJS run; see docs/mutation.md): English text keeps the space after its punctuation and
 * around version numbers and dotted dates; an ASCII comma typed in Chinese text loses the blanks
 * around it (the punctuation rule then makes it full-width).
 */
import { describe, expect, it } from 'vitest';
import { collapseSpaces } from '../../src/ingest/rules/spacing.js';
import { cleanLines } from '../../src/ingest/rules/index.js';

const kept = (t: string) => expect(collapseSpaces(t), t).toEqual({ text: t, removed: 0 });

describe('spacing: Latin punctuation and dotted numbers', () => {
  it('a number with several dot groups (a version, a dotted date) keeps its spaces in English text', () => {
    for (const t of ['Version 1.2.3 update was released', 'the meeting on 2019.3.5 in Beijing', 'see 1.2.3 and 4.5.6']) kept(t);
    // and still joins with Han text around it
    expect(collapseSpaces('版本 1.2.3 发布')).toEqual({ text: '版本1.2.3发布', removed: 2 });
  });

  it('a time or an abbreviation with dots after a number keeps its space (the English ministry pages: "at 3 p.m.")', () => {
    // two sentences of the ministry's English pages (2018-05-14, 2018-07-10)
    kept("Due to scheduling reasons, tomorrow's regular press conference (Tuesday, May 15) will start at 2 p.m. at the same venue.");
    kept("A: With regard to the boats capsizal accident off Thailand's Phuket island, as of 1 p.m. July 10, 75 people have been rescued");
    for (const t of [ 'from 9 a.m. to 12 a.m.', 'the 2 U.S. senators', 'at 10 a.m. 5 May']) kept(t);
    // a code of capitals after a number is no word: it joins ("24 KZ" in OCR'd Chinese text)
    expect(collapseSpaces('24 KZ')).toEqual({ text: '24KZ', removed: 1 });
  });

  it('brackets in English text keep the spaces around them; ASCII brackets by Han text none', () => {
    for (const t of ['on May 15 (Tuesday) at 2 p.m.', 'in 2019 (the first year)', 'see item (1) and item [2] below', 'the G20 (Group of Twenty) summit']) kept(t);
    expect(collapseSpaces('发布会 (2019) 于北京举行')).toEqual({ text: '发布会(2019)于北京举行', removed: 2 });
  });

  it('a comma at the very start of the line: "3, 4 and 5 June" keeps the space after it', () => {
    kept('3, 4 and 5 June are the dates of the visit.');
  });

  it('an ASCII comma after Han text, or with a blank before it, keeps no space', () => {
    expect(collapseSpaces('包括中国, WHO等国际组织')).toEqual({ text: '包括中国,WHO等国际组织', removed: 1 });
    expect(collapseSpaces('坚持多边主义 , WTO改革')).toEqual({ text: '坚持多边主义,WTO改革', removed: 2 });
    // through the chain: the comma becomes full-width, no blank left beside it
    const r = cleanLines([{ text: '包括中国, WHO等国际组织。', src: 1 }], 'f', { base: 'paragraphs', digestHead: false });
    expect(r.lines.map((l) => l.text)).toEqual(['包括中国，WHO等国际组织。']);
  });
});
