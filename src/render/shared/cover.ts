/**
 * The EPUB cover, made by the tool: an SVG whose text (title, years, subtitle, editor) is drawn as glyph
 * outlines taken from a subset of Noto Serif SC (npm), so it needs no external asset, no font in the
 * reader and no browser, and the bytes depend only on the text and the font.
 */
import type { Font } from '@pdf-lib/fontkit';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedSubset, defaultCacheDir, fontIdentity } from './font-subset.js';
import { writeFileAtomic } from '../../util/fs.js';
import { escapeMarkup } from './mustache.js';

export interface CoverInput {
  title: string;
  subtitle?: string;
  yearsText: string;
  editor?: string;
  lang: string;
  /** the text alternative (from the locale) */
  alt: string;
}
export interface Cover {
  svg: string;
  /** text alternative for the cover image */
  alt: string;
  width: number;
  height: number;
}

const W = 1200;
const H = 1800;
const COLORS = { ground: '#7a1616', frame: '#d9b46c', ink: '#f7f1e3', soft: '#e8d7b0' };

/** Closing punctuation that must not begin a line (CJK line-breaking rules, simplified: typography, not interface text). */
const NO_START = /^[\uff0c\u3002\u3001\uff1b\uff1a\uff1f\uff01\uff09\u300b\u300d\u300f\u3011\u3015…—·,.;:?!)\]]/;

const fmt = (n: number) => (Math.round(n * 100) / 100).toString();

function advances(font: Font, text: string): number[] {
  return [...text].map((ch) => font.layout(ch).positions.reduce((s, p) => s + p.xAdvance, 0));
}

/** Greedy line breaking by glyph advances (font units), keeping closing punctuation off line starts. */
export function wrapText(font: Font, text: string, maxUnits: number): string[] {
  const chars = [...text];
  const adv = advances(font, text);
  const lines: string[] = [];
  let cur = '';
  let w = 0;
  chars.forEach((ch, i) => {
    if (cur && w + adv[i]! > maxUnits && !NO_START.test(ch)) {
      lines.push(cur);
      cur = '';
      w = 0;
    }
    cur += ch;
    w += adv[i]!;
  });
  if (cur) lines.push(cur);
  return lines;
}

/** Like wrapText, but with lines of about equal length (no single-character last line). */
export function balancedWrap(font: Font, text: string, maxUnits: number): string[] {
  const greedy = wrapText(font, text, maxUnits);
  if (greedy.length < 2) return greedy;
  const adv = advances(font, text);
  const total = adv.reduce((a, x) => a + x, 0);
  const widest = Math.max(...adv);
  for (let w = Math.ceil(total / greedy.length); w <= maxUnits; w += widest / 4) {
    const lines = wrapText(font, text, w + widest / 2);
    if (lines.length === greedy.length) return lines;
  }
  return greedy;
}

/** One line of text as outline paths, centred on `cx`, baseline at `y`, `size` px per em. */
function lineSvg(font: Font, text: string, cx: number, y: number, size: number, fill: string): { svg: string; width: number } {
  const run = font.layout(text);
  const s = size / font.unitsPerEm;
  const total = run.positions.reduce((a, p) => a + p.xAdvance, 0) * s;
  let x = cx - total / 2;
  const paths: string[] = [];
  run.glyphs.forEach((g, i) => {
    const p = run.positions[i]!;
    const d = g.path.toSVG();
    if (d) paths.push(`<path transform="matrix(${fmt(s)} 0 0 ${fmt(-s)} ${fmt(x + p.xOffset * s)} ${fmt(y - p.yOffset * s)})" d="${d}"/>`);
    x += p.xAdvance * s;
  });
  return { svg: `<g fill="${fill}">${paths.join('')}</g>`, width: total };
}

/** Lines centred under each other from baseline `y`; returns the svg and the next free baseline. */
function block(font: Font, lines: string[], y: number, size: number, leading: number, fill: string) {
  const out: string[] = [];
  for (const l of lines) {
    out.push(lineSvg(font, l, W / 2, y, size, fill).svg);
    y += size * leading;
  }
  return { svg: out.join('\n'), y };
}

/**
 * The cover for `input`: drawn once, then reused from `<cacheDir>/covers/` (keyed by the input, the
 * fonts and this module's own code), so that a rebuild does not load fontkit at all.
 */
export async function makeCover(input: CoverInput, opts: { cacheDir?: string; /** the font kind (serif; serif-tc, serif-hk for an edition) */ fontKind?: string } = {}): Promise<Cover> {
  const kind = opts.fontKind ?? 'serif';
  const code = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex');
  const key = createHash('sha256')
    .update(JSON.stringify([code, fontIdentity(kind, 400), fontIdentity(kind, 700), input]))
    .digest('hex')
    .slice(0, 32);
  const file = join(opts.cacheDir ?? defaultCacheDir(), 'covers', `cover-${key}.svg`);
  if (existsSync(file)) {
    const svg = readFileSync(file, 'utf8');
    if (svg.endsWith('</svg>\n')) return { svg, alt: input.alt, width: W, height: H };
  }
  const cover = await drawCover(input, opts);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileAtomic(file, cover.svg);
  } catch {
    /* a read-only cache is not an error */
  }
  return cover;
}

async function drawCover(input: CoverInput, opts: { cacheDir?: string; fontKind?: string }): Promise<Cover> {
  const kind = opts.fontKind ?? 'serif';
  // required, not imported: no export scan of the 1.5 MB CommonJS bundle
  const fontkit = (await import('../../fonts/fontkit.js')).fontkit();
  const bold = input.title + input.yearsText;
  const regular = (input.subtitle ?? '') + (input.editor ?? '');
  const [b, r] = await Promise.all([
    cachedSubset(bold, { kind, weight: 700, format: 'truetype', cacheDir: opts.cacheDir }),
    cachedSubset(regular || '　', { kind, weight: 400, format: 'truetype', cacheDir: opts.cacheDir }),
  ]);
  const fb = fontkit.create(b.bytes);
  const fr = fontkit.create(r.bytes);
  const inner = W - 2 * 150;

  // title: one line if it fits at ≥ 110 px, else balanced lines at the largest size giving at most three
  const width = (f: Font, t: string) => advances(f, t).reduce((a, x) => a + x, 0) / f.unitsPerEm;
  let titleSize = Math.min(150, Math.floor(inner / width(fb, input.title)));
  let titleLines = [input.title];
  if (titleSize < 110) {
    titleSize = 150;
    for (;;) {
      titleLines = balancedWrap(fb, input.title, (inner / titleSize) * fb.unitsPerEm);
      if (titleLines.length <= 3 || titleSize <= 60) break;
      titleSize -= 10;
    }
  }
  const parts: string[] = [];
  let y = 520;
  const t = block(fb, titleLines, y, titleSize, 1.25, COLORS.ink);
  parts.push(t.svg);
  y = t.y + 10;
  parts.push(`<rect x="${W / 2 - 160}" y="${fmt(y - titleSize * 0.55)}" width="320" height="6" fill="${COLORS.frame}"/>`);
  y += 90;
  if (input.yearsText) {
    const yr = block(fb, [input.yearsText], y, 84, 1.3, COLORS.frame);
    parts.push(yr.svg);
    y = yr.y + 40;
  }
  if (input.subtitle) {
    const size = 46;
    const st = block(fr, balancedWrap(fr, input.subtitle, (inner / size) * fr.unitsPerEm).slice(0, 4), y, size, 1.55, COLORS.soft);
    parts.push(st.svg);
  }
  if (input.editor) parts.push(block(fr, wrapText(fr, input.editor, (inner / 44) * fr.unitsPerEm).slice(0, 2), H - 230, 44, 1.5, COLORS.soft).svg);

  const alt = input.alt;
  const svg = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" xml:lang="${escapeMarkup(input.lang)}" role="img" aria-labelledby="cover-title">`,
    `<title id="cover-title">${escapeMarkup(alt)}</title>`,
    `<rect width="${W}" height="${H}" fill="${COLORS.ground}"/>`,
    `<rect x="60" y="60" width="${W - 120}" height="${H - 120}" fill="none" stroke="${COLORS.frame}" stroke-width="6"/>`,
    `<rect x="84" y="84" width="${W - 168}" height="${H - 168}" fill="none" stroke="${COLORS.frame}" stroke-width="2"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
  return { svg, alt, width: W, height: H };
}
