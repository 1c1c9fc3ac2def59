// @ts-nocheck
import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import type { PressEvent, Turn } from '../model/types.js';
import { escapeAttr, escapeInline } from './escape.js';

/**
 * Version of the canonical Markdown, written as `pressbook: N` in the front matter.
 * 1: question ids `YEAR-SEQ` ("2021-07"), turn kinds opening/question/answer/closing/narration;
 * 2: ids scoped to their event (model/ids.ts: "2021-03-07-07", follow-ups "2021-03-07-07-f1"),
 *    and the kinds announcement, followup, interjection. parse.ts reads 1 by renumbering its ids.
 */
export const FORMAT_VERSION = 2;

function attrs(obj: Record<string, string | number | undefined>, id?: string): string {
  const parts: string[] = [];
  if (id) parts.push(`#${id}`);
  for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== '') parts.push(`${k}="${escapeAttr(String(v))}"`);
  return parts.length ? `{${parts.join(' ')}}` : '';
}

function turnBlock(t: Turn): string {
  let head: string;
  if (t.kind === 'question' && t.question) {
    const q = t.question;
    head = `:::question${attrs({ seq: q.seq, label: q.label, outlet: q.outlet, title: q.title, topics: q.topics.join(' ') }, q.id)}`;
  } else if (t.kind === 'followup' && t.question) {
    const q = t.question;
    head = `:::followup${attrs({ parent: q.parent, seq: q.seq, label: q.label, outlet: q.outlet, title: q.title, topics: q.topics.join(' ') }, q.id)}`;
  } else {
    head = `:::${t.kind}${attrs({ speaker: t.speaker, label: t.label })}`;
    // an empty label (none printed in the source) is kept explicitly
    if (t.label === '') head = head.endsWith('}') ? head.slice(0, -1) + ' label=""}' : head + '{label=""}';
  }
  return `${head}\n${t.paragraphs.map(escapeInline).join('\n\n')}\n:::`;
}

/** The body (everything after the front matter) of the canonical Markdown file. */
export function serializeBody(ev: PressEvent): string {
  const blocks: string[] = [`# ${escapeInline(ev.meta.title.replace(/\s*\n\s*/g, ' '))}`];
  if (ev.highlights.length) {
    const bySource = new Map<string, string[]>();
    for (const h of ev.highlights) bySource.set(h.source, [...(bySource.get(h.source) ?? []), h.text]);
    for (const [source, items] of bySource)
      blocks.push(`::::highlights${attrs({ source })}\n${items.map((i) => `- ${escapeInline(i)}`).join('\n')}\n::::`);
  }
  for (const t of ev.turns) blocks.push(turnBlock(t));
  return blocks.join('\n\n') + '\n';
}

export function hashText(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 32);
}

function frontMatter(ev: PressEvent, hash?: string): string {
  const m = ev.meta;
  const fm: Record<string, unknown> = {
    pressbook: FORMAT_VERSION,
    id: m.id,
    date: m.date,
    year: m.year,
    title: m.title,
    session: m.session,
    venue: m.venue,
    speaker: m.speaker,
    duration: m.duration,
    headline: m.headline,
    language: m.language,
    sources: m.sources.map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined))),
  };
  if (hash) fm.hash = hash;
  for (const k of Object.keys(fm)) if (fm[k] === undefined) delete fm[k];
  return `---\n${stringify(fm, { lineWidth: 0 })}---\n`;
}

/**
 * The canonical Markdown for one event. The `hash` in the front matter is the hash of the file as
 * written without the hash line, so a later hand edit is detectable (see isHandEdited).
 */
export function serializeEvent(ev: PressEvent): string {
  const unhashed = frontMatter(ev) + '\n' + serializeBody(ev);
  const hash = hashText(unhashed);
  return frontMatter(ev, hash) + '\n' + serializeBody(ev);
}

/** True when the file's content no longer matches the hash `clean` wrote into it. */
export function isHandEdited(text: string): boolean {
  const m = /^hash: ([0-9a-f]+)\n/m.exec(text);
  if (!m) return true; // no hash: not ours, or hand-written
  const without = text.replace(/^hash: [0-9a-f]+\n/m, '');
  return hashText(without) !== m[1];
}
