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
