// @ts-nocheck
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PressbookError } from '../errors.js';

export interface ResolvedBrowser {
  executablePath: string;
  source: 'explicit' | 'system' | 'bundled';
  /** extra launch args the browser build needs */
  args: string[];
}

/** Usual install locations of Chrome/Chromium per platform (no PATH search needed on most systems). */
export function systemCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin')
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(Boolean) as string[];
    return roots.flatMap((r) => [
      join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(r, 'Chromium', 'Application', 'chrome.exe'),
      join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
    '/snap/bin/chromium',
  ];
}

export interface ResolveOptions {
  /** explicit path from the book config (`browser:`), checked after PRESSBOOK_CHROME */
  configPath?: string;
  env?: NodeJS.ProcessEnv;
  exists?: (p: string) => boolean;
  platform?: NodeJS.Platform;
  /** loader for the npm-shipped Chromium (injectable for tests) */
  loadBundled?: () => Promise<{ executablePath: () => Promise<string>; args: string[] } | undefined>;
}

async function defaultLoadBundled() {
  try {
    const mod = (await import('@sparticuz/chromium')) as unknown as { default: { executablePath: () => Promise<string>; args: string[] } };
    return mod.default;
  } catch {
    return undefined;
  }
}

const BUNDLED_ARGS_KEEP = /^--(no-sandbox|disable-setuid-sandbox|no-zygote|single-process|use-gl|use-angle|enable-unsafe-swiftshader|disable-gpu|headless)/;

/**
 * Resolve a Chromium: explicit path (env PRESSBOOK_CHROME, then config) → system Chrome/Chromium →
 * the npm-shipped @sparticuz/chromium. PRESSBOOK_BROWSER=bundled forces the last one,
 * PRESSBOOK_BROWSER=system forbids it.
 */
export async function resolveBrowser(opts: ResolveOptions = {}): Promise<ResolvedBrowser> {
  const env = opts.env ?? process.env;
  const exists = opts.exists ?? existsSync;
  const mode = (env.PRESSBOOK_BROWSER ?? 'auto').toLowerCase();
  if (!['auto', 'bundled', 'system'].includes(mode))
    throw new PressbookError(`PRESSBOOK_BROWSER=${mode}: expected "auto", "system" or "bundled"`);
  if (mode !== 'bundled') {
    const explicit = env.PRESSBOOK_CHROME || opts.configPath;
    if (explicit) {
      if (!exists(explicit))
        throw new PressbookError(
          `${env.PRESSBOOK_CHROME ? 'PRESSBOOK_CHROME' : 'browser (pressbook.yaml)'} = ${explicit}: no such file; point it at a Chrome/Chromium executable or unset it`,
        );
      return { executablePath: explicit, source: 'explicit', args: [] };
    }
    for (const c of systemCandidates(opts.platform, env)) if (exists(c)) return { executablePath: c, source: 'system', args: [] };
  }
  if (mode !== 'system') {
    const bundled = await (opts.loadBundled ?? defaultLoadBundled)();
    if (bundled) {
      const executablePath = await bundled.executablePath();
      return { executablePath, source: 'bundled', args: bundled.args.filter((a) => BUNDLED_ARGS_KEEP.test(a) && !a.startsWith('--headless')) };
    }
  }
  throw new PressbookError(
    'No Chrome or Chromium found. Do one of: set PRESSBOOK_CHROME=/path/to/chrome; install Chrome or Chromium ' +
      '(Debian/Ubuntu: apt-get install chromium); or reinstall with optional dependencies so the npm-shipped ' +
      '@sparticuz/chromium is present (npm ci --include=optional).',
  );
}
