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
