import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configBrowser, loadConfig } from '../src/config/load.js';

const example = join(__dirname, '..', 'examples', 'npc-foreign-press');

function tmpConfig(text: string) {
  const d = mkdtempSync(join(tmpdir(), 'pb-cfg-'));
  const f = join(d, 'pressbook.yaml');
  writeFileSync(f, text);
  return f;
}

describe('book config', () => {
  it('loads the bundled example with defaults filled in', () => {
    const c = loadConfig(example);
    expect(c.title).toBe('外长记者会实录');
    expect(c.language).toBe('zh-CN');
    expect(c.page.size).toBe('A5');
    expect(c.sources).toEqual(['sources/']);
    expect(c.output.pdf).toMatch(/\.pdf$/);
  });

  it('names file, line, key and expectation for a bad value', () => {
    const f = tmpConfig('title: 书\nsources: [a]\npage:\n  size: A3\n');
    expect(() => loadConfig(f)).toThrowError(new RegExp(`${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: key "page.size": .*A5.*A4`));
  });

  it('rejects unknown keys and missing required ones', () => {
    const f = tmpConfig('titel: 书\n');
    let msg = '';
    try {
      loadConfig(f);
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toMatch(/key "title"/);
    expect(msg).toMatch(/key "sources"/);
    expect(msg).toMatch(/titel/);
  });

  it('reports YAML syntax errors with a line', () => {
    const f = tmpConfig('title: "unclosed\nsources: [a]\n');
    expect(() => loadConfig(f)).toThrowError(/pressbook\.yaml:\d+:\d+: invalid YAML/);
  });

  it('accepts an explicit browser path, resolved against the config folder', () => {
    const f = tmpConfig('title: 书\nsources: [a]\nbrowser: bin/chrome\n');
    const c = loadConfig(f);
    expect(configBrowser(c)).toBe(join(c.root, 'bin', 'chrome'));
    expect(configBrowser(loadConfig(example))).toBeUndefined();
  });
});

describe('book config: unknown keys and themes', () => {
  const msgOf = (f: string) => {
    try {
      loadConfig(f);
    } catch (e) {
      return (e as Error).message;
    }
    return '';
  };
  it('names each unknown key with its line and the closest known key', () => {
    const f = tmpConfig('titel: 书\nsources: [a]\npage:\n  size: A5\n  sise: A4\noutput: {pdff: x.pdf}\n');
    const msg = msgOf(f);
    expect(msg).toContain(`${f}:1: unknown key "titel" (did you mean "title"?)`);
    expect(msg).toContain(`${f}:5: unknown key "sise" in "page" (did you mean "size"?)`);
    expect(msg).toMatch(/:6: unknown key "pdff" in "output" \(did you mean "pdf"\?\)/);
  });
  it('lists the known keys when nothing is close', () => {
    const msg = msgOf(tmpConfig('title: 书\nsources: [a]\nzzzzzzzzzz: 1\n'));
    expect(msg).toMatch(/:3: unknown key "zzzzzzzzzz" \(known keys: .*title.*sources/);
  });
  it('checks the theme when the config loads, with a suggestion', () => {
    const f = tmpConfig('title: 书\nsources: [a]\ntheme: clasic\n');
    const msg = msgOf(f);
    expect(msg).toContain(`${f}:3: key "theme": no theme "clasic"`);
    expect(msg).toContain('did you mean "classic"?');
    expect(msg).not.toMatch(/themes: .*handout/);
  });
});

describe('book config: output paths', () => {
  for (const bad of ['../x.pdf', '/tmp/x.pdf', 'a/../../x.pdf', '.']) {
    it(`refuses output.pdf "${bad}" with file:line`, () => {
      const f = tmpConfig(`title: 书\nsources: [a]\noutput:\n  pdf: "${bad}"\n`);
      expect(() => loadConfig(f)).toThrowError(new RegExp(`pressbook\\.yaml:4: key "output\\.pdf": .*inside the output folder`));
    });
  }
  it('accepts a sub-folder', () => {
    expect(loadConfig(tmpConfig('title: 书\nsources: [a]\noutput:\n  pdf: print/book.pdf\n')).output.pdf).toBe('print/book.pdf');
  });
});
