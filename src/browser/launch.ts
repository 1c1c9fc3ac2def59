import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { onExit } from 'signal-exit';
import { resolveBrowser, type ResolvedBrowser } from './resolve.js';

/** Flags for an offline, quiet, reproducible headless Chromium. */
export const OFFLINE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--mute-audio',
  '--font-render-hinting=none',
  '--disable-font-subpixel-positioning',
];

export interface PressbookBrowser {
  browser: Browser;
  resolved: ResolvedBrowser;
  close(): Promise<void>;
}

/** `onSpawn`: called once Chromium's process is being started (puppeteer spawns it within a few microtasks). */
export async function launchBrowser(configPath?: string, onSpawn?: () => void): Promise<PressbookBrowser> {
  const resolved = await resolveBrowser({ configPath });
  const userDataDir = mkdtempSync(join(tmpdir(), 'pressbook-chrome-'));
  // the profile folder goes on every way out: close(), an error, exit, SIGINT/SIGTERM/SIGHUP
  let proc: { kill(sig?: NodeJS.Signals): boolean } | null = null;
  const removeOnExit = onExit(() => {
    proc?.kill('SIGKILL');
    rmSync(userDataDir, { recursive: true, force: true });
  });
  let browser: Browser;
  try {
    const launching = puppeteer.launch({
      executablePath: resolved.executablePath,
      headless: true,
      userDataDir,
      args: [...new Set([...OFFLINE_ARGS, ...resolved.args])],
    });
    onSpawn?.();
    browser = await launching;
  } catch (e) {
    removeOnExit();
    rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
  proc = browser.process();
  return {
    browser,
    resolved,
    async close() {
      try {
        await browser.close();
      } finally {
        removeOnExit();
        rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * A page that may load files inside `root` only: every other request (network, other files) is
 * aborted and recorded. Page JavaScript is off unless `javascript` is set.
 */
export async function sandboxedPage(b: Browser, root: string, opts: { javascript?: boolean } = {}): Promise<{ page: Page; blocked: string[] }> {
  const page = await b.newPage();
  await page.setJavaScriptEnabled(!!opts.javascript);
  await page.setRequestInterception(true);
  const prefix = pathToFileURL(resolve(root) + sep).href;
  const blocked: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith(prefix) || url.startsWith('data:') || url === 'about:blank') void req.continue();
    else {
      // say which file asked for it (the stylesheet or page that referenced it)
      const by = req.initiator()?.url ?? req.frame()?.url();
      blocked.push(by && by !== url ? `${url} (requested by ${by})` : url);
      void req.abort('blockedbyclient');
    }
  });
  return { page, blocked };
}
