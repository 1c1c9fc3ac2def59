import { describe, expect, it } from 'vitest';
import { createOutput } from '../../src/cli/output.js';

function fake(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = { isTTY, write: (s: string) => (chunks.push(s), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join('') };
}

describe('command output', () => {
  it('shows progress on a terminal and clears it before the next line', () => {
    const f = fake(true);
    const o = createOutput({ stream: f.stream, env: {} });
    o.progress('printing handouts', 1, 3);
    o.info('pdf done');
    expect(f.text()).toContain('printing handouts');
    expect(f.text()).toContain('1/3');
    expect(f.text()).toMatch(/\r\x1b\[2Kpdf done\n$/);
  });
  it('shows progress per stage and per item, at most every few tens of ms, always the last count, with the seconds spent', () => {
    const f = fake(true);
    let t = 0;
    const o = createOutput({ stream: f.stream, env: {}, now: () => t });
    o.progress('epub: conferences', 1, 260);
    t = 10;
    o.progress('epub: conferences', 2, 260); // too soon: not written
    t = 1500;
    o.progress('epub: conferences', 200, 260);
    t = 1510;
    o.progress('epub: conferences', 260, 260); // the last: written and cleared
    o.progress('epub: compressing');
    const text = f.text().replace(/\x1b\[\d+m/g, '');
    expect(text).toContain('epub: conferences 1/260');
    expect(text).not.toContain('2/260');
    expect(text).toMatch(/200\/260.* 1 s/);
    expect(text).toMatch(/260\/260 1 s\r\x1b\[2K\r\x1b\[2Kepub: compressing$/);
  });
  it('prints no progress when not a terminal, when CI is set or with --quiet', () => {
    for (const [tty, env, quiet] of [[false, {}, false], [true, { CI: 'true' }, false], [true, {}, true]] as const) {
      const f = fake(tty);
      const o = createOutput({ stream: f.stream, env, quiet });
      o.progress('cleaning', 1, 2);
      o.info('done');
      o.warn('warning: w');
      expect(f.text().replace(/\x1b\[\d+m/g, '')).toBe(quiet ? 'warning: w\n' : 'done\nwarning: w\n');
    }
  });
  it('--quiet keeps errors and warnings only; --verbose adds detail', () => {
    const f = fake(false);
    const q = createOutput({ stream: f.stream, env: {}, quiet: true });
    q.info('result');
    q.detail('detail');
    q.warn('warning: kept a.md');
    q.error('error: bad');
    expect(f.text()).toBe('warning: kept a.md\nerror: bad\n');
    const g = fake(false);
    createOutput({ stream: g.stream, env: {}, verbose: true }).detail('step');
    expect(g.text()).toBe('step\n');
  });
  it('colours only on a terminal and never with NO_COLOR', () => {
    const a = fake(true);
    createOutput({ stream: a.stream, env: {} }).error('error: x');
    expect(a.text()).toContain('\x1b[');
    const b = fake(true);
    createOutput({ stream: b.stream, env: { NO_COLOR: '1' } }).error('error: x');
    expect(b.text()).toBe('error: x\n');
    const c = fake(false);
    createOutput({ stream: c.stream, env: {} }).error('error: x');
    expect(c.text()).toBe('error: x\n');
  });
});
