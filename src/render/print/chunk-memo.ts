/**
 * The print body's chunks kept by content between builds, so that a rebuild after an edit inside one
 * conference renders the view's turns, the template and the finishing passes for that conference's
 * chunk only (a year of briefings: ~0.5 s of the whole book's view and HTML otherwise).
 *
 * - Each conference has a key: the hash of its event (JSON) and of `salt`, every input of the book
 *   but its events (config, theme and locale stamps, notes, pressbook's code: the caller's output-cache key).
 * - Each conference's estimated size (parts.ts planChunks) is kept by its key: a conference whose size
 *   is known needs no turns in the view to plan the chunks (bookView `skipTurns`).
 * - Each chunk's finished `<main>` (template, finishing passes, chunkMain, named paragraphs) is kept by
 *   a key of its conferences' keys, its name and place in its year, the template and everything the
 *   template shows around the turns: the matter as rendered from the view without turns (it holds every
 *   conference's title, questions and the year openers, and every word of the view the body shows
 *   beside the turns). A chunk whose key is not found is rendered from a view with all its turns.
 *
 * Entries not used by a build are removed after it (prune). Without a folder nothing is kept.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PressEvent } from '../../model/types.js';
import { writeFileAtomic } from '../../util/fs.js';
import { sha256Of } from '../../util/hash.js';

const FORMAT = 2;
const sha = (...parts: string[]) => sha256Of(...parts).slice(0, 40);

export interface CachedChunk {
  main: string;
  /** the paragraph ids named in it (nameParagraphs) */
  paragraphs: string[];
  /** its characters (font-subset.ts charSet) and the targets of its links (parts.ts linkTargets) */
  chars: string;
  targets: string[];
}

export class ChunkMemo {
  private keys = new Map<string, string>();
  private sizes: Map<string, number>;
  private sizesChanged = false;
  private usedSizes = new Set<string>();
  private used = new Set<string>();
  private sizesFile: string;

  constructor(
    private dir: string,
    private salt: string,
    events: PressEvent[],
  ) {
    this.sizesFile = join(dir, 'sizes.json');
    let sizes: Map<string, number> | undefined;
    try {
      const j = JSON.parse(readFileSync(this.sizesFile, 'utf8')) as { format?: number; sizes?: Record<string, number> };
      if (j.format === FORMAT && j.sizes) sizes = new Map(Object.entries(j.sizes));
    } catch {
      // none yet
    }
    this.sizes = sizes ?? new Map();
    for (const ev of events) this.keys.set(ev.meta.id, sha(String(FORMAT), salt, JSON.stringify(ev)));
  }

  /** the conference's key (by its event id) */
  key(id: string): string {
    return this.keys.get(id) ?? '';
  }

  /** the conference's recorded size, when known */
  size(id: string): number | undefined {
    const k = this.keys.get(id);
    const n = k ? this.sizes.get(k) : undefined;
    if (n !== undefined) this.usedSizes.add(k!);
    return n;
  }

  setSize(id: string, n: number): void {
    const k = this.keys.get(id);
    if (!k) return;
    this.usedSizes.add(k);
    if (this.sizes.get(k) !== n) {
      this.sizes.set(k, n);
      this.sizesChanged = true;
    }
  }

  /** a chunk's key: its conferences, its name and flags, and the rest of the book as `context` */
  chunkKey(name: string, ids: string[], flags: unknown, context: string): string {
    return sha(String(FORMAT), this.salt, name, JSON.stringify(flags), context, ...ids.map((id) => this.key(id)));
  }

  get(key: string): CachedChunk | undefined {
    const f = join(this.dir, `${key}.html`);
    if (!existsSync(f)) return undefined;
    try {
      const text = readFileSync(f, 'utf8');
      const nl = text.indexOf('\n');
      const head = JSON.parse(text.slice(0, nl)) as Partial<CachedChunk> & { format?: number };
      if (head.format !== FORMAT || !Array.isArray(head.paragraphs) || typeof head.chars !== 'string' || !Array.isArray(head.targets)) return undefined;
      this.used.add(`${key}.html`);
      return { main: text.slice(nl + 1), paragraphs: head.paragraphs, chars: head.chars, targets: head.targets };
    } catch {
      return undefined;
    }
  }

  put(key: string, c: CachedChunk): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileAtomic(join(this.dir, `${key}.html`), JSON.stringify({ format: FORMAT, paragraphs: c.paragraphs, chars: c.chars, targets: c.targets }) + '\n' + c.main);
      this.used.add(`${key}.html`);
    } catch {
      // not kept: the next build renders it again
    }
  }

  /** the sizes written when they changed; entries this build did not use removed */
  save(): void {
    try {
      if (existsSync(this.dir)) for (const f of readdirSync(this.dir)) if (f.endsWith('.html') && !this.used.has(f)) rmSync(join(this.dir, f), { force: true });
      const stale = [...this.sizes.keys()].some((k) => !this.usedSizes.has(k));
      if (!this.sizesChanged && !stale) return;
      mkdirSync(this.dir, { recursive: true });
      const sizes = Object.fromEntries([...this.sizes].filter(([k]) => this.usedSizes.has(k)));
      writeFileAtomic(this.sizesFile, JSON.stringify({ format: FORMAT, sizes }));
    } catch {
      // the next build recomputes
    }
  }
}
