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
  it('prints no progress when not a terminal or when CI is set', () => {
    for (const [tty, env] of [[false, {}], [true, { CI: 'true' }]] as const) {
      const f = fake(tty);
      const o = createOutput({ stream: f.stream, env });
      o.progress('cleaning', 1, 2);
      o.info('done');
      expect(f.text()).toBe('done\n');
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
