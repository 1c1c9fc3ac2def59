import { describe, expect, it } from 'vitest';
import { resolveBrowser, systemCandidates } from '../src/browser/resolve.js';

const bundled = async () => ({ executablePath: async () => '/tmp/chromium', args: ['--no-sandbox', '--single-process', '--headless=shell', '--disable-webgl'] });
const none = async () => undefined;

describe('browser resolution order', () => {
  it('explicit PRESSBOOK_CHROME wins over everything', async () => {
    const r = await resolveBrowser({ env: { PRESSBOOK_CHROME: '/opt/my/chrome' }, exists: (p) => p === '/opt/my/chrome' || p === '/usr/bin/chromium', loadBundled: bundled, platform: 'linux' });
    expect(r).toMatchObject({ executablePath: '/opt/my/chrome', source: 'explicit' });
  });
  it('an explicit path that does not exist is an error, not a silent fallback', async () => {
    await expect(resolveBrowser({ env: { PRESSBOOK_CHROME: '/nope' }, exists: () => false, loadBundled: bundled })).rejects.toThrow(/PRESSBOOK_CHROME = \/nope: no such file/);
  });
  it('config path is used when the env var is unset', async () => {
    const r = await resolveBrowser({ env: {}, configPath: '/c/chrome', exists: (p) => p === '/c/chrome', loadBundled: bundled, platform: 'linux' });
    expect(r.source).toBe('explicit');
  });
  it('then a system browser', async () => {
    const r = await resolveBrowser({ env: {}, exists: (p) => p === '/usr/bin/google-chrome', loadBundled: bundled, platform: 'linux' });
    expect(r).toMatchObject({ executablePath: '/usr/bin/google-chrome', source: 'system' });
  });
  it('then the npm-shipped Chromium, keeping only the flags it needs', async () => {
    const r = await resolveBrowser({ env: {}, exists: () => false, loadBundled: bundled, platform: 'linux' });
    expect(r).toMatchObject({ executablePath: '/tmp/chromium', source: 'bundled' });
    expect(r.args).toContain('--no-sandbox');
    expect(r.args).not.toContain('--headless=shell');
  });
  it('PRESSBOOK_BROWSER=bundled skips the system browser', async () => {
    const r = await resolveBrowser({ env: { PRESSBOOK_BROWSER: 'bundled' }, exists: () => true, loadBundled: bundled, platform: 'linux' });
    expect(r.source).toBe('bundled');
  });
  it('nothing found: one message that says what to install or set', async () => {
    await expect(resolveBrowser({ env: {}, exists: () => false, loadBundled: none, platform: 'linux' })).rejects.toThrow(/PRESSBOOK_CHROME.*apt-get install chromium.*@sparticuz\/chromium/s);
  });
  it('knows the usual places on macOS and Windows', () => {
    expect(systemCandidates('darwin')[0]).toMatch(/Google Chrome\.app/);
    expect(systemCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' }).some((p) => p.includes('chrome.exe'))).toBe(true);
  });
});

describe('PRESSBOOK_BROWSER=system', () => {
  const calls: string[] = [];
  const spyBundled = async () => {
    calls.push('bundled');
    return { executablePath: async () => '/tmp/chromium', args: [] };
  };
  it('uses a system browser when there is one, and never loads the npm-shipped Chromium', async () => {
    calls.length = 0;
    const r = await resolveBrowser({ env: { PRESSBOOK_BROWSER: 'system' }, exists: (p) => p === '/usr/bin/chromium-browser', loadBundled: spyBundled, platform: 'linux' });
    expect(r).toMatchObject({ executablePath: '/usr/bin/chromium-browser', source: 'system' });
    expect(calls, 'the bundled Chromium was loaded in system mode').toEqual([]);
  });
  it('still honours an explicit PRESSBOOK_CHROME (it is a system browser too)', async () => {
    const r = await resolveBrowser({ env: { PRESSBOOK_BROWSER: 'system', PRESSBOOK_CHROME: '/opt/c' }, exists: (p) => p === '/opt/c', loadBundled: spyBundled, platform: 'linux' });
    expect(r).toMatchObject({ executablePath: '/opt/c', source: 'explicit' });
  });
  it('no system browser: an error, never a silent fall back to the bundled one', async () => {
    calls.length = 0;
    await expect(resolveBrowser({ env: { PRESSBOOK_BROWSER: 'system' }, exists: () => false, loadBundled: spyBundled, platform: 'linux' }), 'system mode fell back to the bundled Chromium').rejects.toThrow(
      /No Chrome or Chromium found/,
    );
    expect(calls, 'the bundled Chromium was loaded in system mode').toEqual([]);
  });
  it('is case-insensitive, and an unknown mode is an error naming the allowed ones', async () => {
    const r = await resolveBrowser({ env: { PRESSBOOK_BROWSER: 'System' }, exists: (p) => p === '/usr/bin/chromium', loadBundled: spyBundled, platform: 'linux' });
    expect(r.source).toBe('system');
    await expect(resolveBrowser({ env: { PRESSBOOK_BROWSER: 'chrome' }, exists: () => true, loadBundled: spyBundled })).rejects.toThrow(/PRESSBOOK_BROWSER=chrome: expected "auto", "system" or "bundled"/);
  });
  it('auto mode: the system browser first, the bundled one only when none is installed', async () => {
    calls.length = 0;
    expect((await resolveBrowser({ env: {}, exists: (p) => p === '/snap/bin/chromium', loadBundled: spyBundled, platform: 'linux' })).source).toBe('system');
    expect(calls).toEqual([]);
    expect((await resolveBrowser({ env: {}, exists: () => false, loadBundled: spyBundled, platform: 'linux' })).source).toBe('bundled');
    expect(calls).toEqual(['bundled']);
  });
});
