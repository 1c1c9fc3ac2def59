import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
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
  /**
   * Close Chromium and remove its profile folder. `kill`: end its processes at once (SIGKILL to the
   * process group) instead of a graceful shutdown that saves a profile nobody reads again.
   */
  close(opts?: { kill?: boolean }): Promise<void>;
}

/** each launched browser's first tab (about:blank, JavaScript off, requests intercepted), until a sandboxedPage takes it */
const initialTabs = new WeakMap<Browser, Promise<Page | undefined>>();

/** `onSpawn`: called once Chromium's process is being started (puppeteer spawns it within a few microtasks). */
export async function launchBrowser(configPath?: string, onSpawn?: () => void): Promise<PressbookBrowser> {
  const resolved = await resolveBrowser({ configPath });
  const userDataDir = mkdtempSync(join(tmpdir(), 'pressbook-chrome-'));
  // the profile folder goes on every way out: close(), an error, exit, SIGINT/SIGTERM/SIGHUP
  let proc: ChildProcess | null = null;
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
  // the tab Chromium opened at start, readied for the first sandboxedPage while the caller works on (a new
  // tab costs a renderer's start and a few round trips: 0.1-0.7 s under load, with a busy event loop)
  const first = browser
    .pages()
    .then(async (p) => {
      const page = p.find((x) => x.url() === 'about:blank');
      if (!page) return undefined;
      // both asked at once: one round trip
      await Promise.all([page.setJavaScriptEnabled(false), page.setRequestInterception(true)]);
      return page;
    })
    .catch(() => undefined);
  initialTabs.set(browser, first);
  return {
    browser,
    resolved,
    async close(opts = {}) {
      let killed = false;
      try {
        if (opts.kill && proc?.pid) {
          await killGroup(proc);
          await browser.disconnect();
          killed = true;
        } else await browser.close();
      } finally {
        if (killed) {
          // Chromium is gone: its profile folder is removed while the caller goes on (the exit handler
          // stays until then, and removes it should the process end first)
          void rm(userDataDir, { recursive: true, force: true, maxRetries: 2 }).then(removeOnExit, removeOnExit);
        } else {
          removeOnExit();
          rmSync(userDataDir, { recursive: true, force: true });
        }
      }
    },
  };
}

/** SIGKILL to Chromium's process group (puppeteer starts it detached: its own group), then its exit. */
async function killGroup(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  try {
    process.kill(-proc.pid!, 'SIGKILL');
  } catch {
    proc.kill('SIGKILL');
  }
  await exited;
}

/**
 * A page that may load files inside `root` only: every other request (network, other files) is
 * aborted and recorded. Page JavaScript is off unless `javascript` is set.
 */
export async function sandboxedPage(b: Browser, root: string, opts: { javascript?: boolean } = {}): Promise<{ page: Page; blocked: string[] }> {
  // the browser's first tab, unused so far, when there is one (taken once: the first caller claims it at once)
  const initial = initialTabs.get(b);
  initialTabs.delete(b);
  // (should readying it hang, a new tab after 3 s)
  const late = new Promise<undefined>((r) => (setTimeout(r, 3000) as unknown as { unref?: () => void }).unref?.());
  const reused = initial && (await Promise.race([initial, late]));
  const page = reused && !reused.isClosed() ? reused : await b.newPage();
  if (page !== reused || opts.javascript) await page.setJavaScriptEnabled(!!opts.javascript);
  if (page !== reused) await page.setRequestInterception(true);
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
