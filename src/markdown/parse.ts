import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import { toString } from 'mdast-util-to-string';
import { LineCounter, parseDocument } from 'yaml';
import { VFile } from 'vfile';
import type { Nodes, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { EventMeta, Highlight, PressEvent, Turn, TurnKind } from '../model/types.js';
import { assignIds, EVENT_ID, QUESTION_ID } from '../model/ids.js';
import { PressbookError } from '../errors.js';
import { FORMAT_VERSION } from './serialize.js';

const TURN_KINDS = new Set<TurnKind>(['opening', 'announcement', 'question', 'followup', 'answer', 'interjection', 'closing', 'narration']);
const KIND_LIST = 'opening, announcement, question, followup, answer, interjection, closing, narration or highlights';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDirective);

export function parseMarkdownTree(text: string): Root {
  return processor.parse(text) as Root;
}

/** What a reader calls the Markdown constructs a turn cannot hold. */
const CONSTRUCT: Record<string, string> = {
  list: 'a list (a line starting with "-", "*", "+" or "1.")',
  heading: 'a heading (a line starting with "#")',
  blockquote: 'a quote (a line starting with ">")',
  code: 'a code block (indented four spaces, or fenced with ```)',
  thematicBreak: 'a rule (a line of ---, *** or ___)',
  html: 'raw HTML',
  emphasis: 'emphasis (*…* or _…_)',
  strong: 'strong emphasis (**…**)',
  delete: 'strike-through (~~…~~)',
  link: 'a link ([…](…))',
  linkReference: 'a link reference ([…])',
  image: 'an image (![…](…))',
  imageReference: 'an image reference',
  inlineCode: 'code (`…`)',
  textDirective: 'a directive (":name" — a colon followed directly by text)',
  leafDirective: 'a directive ("::name")',
  definition: 'a link definition ("[x]: …")',
  table: 'a table',
};

/** A strict-parse error: "file:line:column: message". */
function errorAt(path: string, node: Nodes | undefined, msg: string): PressbookError {
  const line = node?.position?.start.line;
  const col = node?.position?.start.column;
  return new PressbookError(`${path}${line ? ':' + line + (col ? ':' + col : '') : ''}: ${msg}`, { file: path, line });
}

/** Only text survives toString unchanged: any other inline node would lose characters. */
function checkInline(n: Nodes, path: string, where: string): void {
  if (n.type === 'text' || n.type === 'break') return;
  if (n.type !== 'paragraph') {
    const what = CONSTRUCT[n.type] ?? `"${n.type}"`;
    throw errorAt(path, n, `${what} inside ${where} would lose characters: a turn holds plain text; put a backslash before the character to keep it as typed (e.g. \\*, \\_, \\[, \\:)`);
  }
  for (const c of n.children) checkInline(c, path, where);
}

/**
 * The paragraphs of a turn, as plain text. Anything else the Markdown parser made of a hand edit is an
 * error naming file:line:column — never dropped: a block a turn cannot hold (list, heading, quote…), an
 * inline construct whose characters the parser would swallow (emphasis marks, a link's address), and a
 * turn opened inside another one, which is what a deleted closing ":::" looks like.
 */
function paragraphsOf(node: ContainerDirective, path: string): string[] {
  const out: string[] = [];
  const opened = node.position?.start.line;
  for (const child of node.children) {
    if (child.type === 'paragraph') {
      checkInline(child, path, `:::${node.name} (line ${opened})`);
      // a paragraph is one logical line; soft breaks inside come from hand edits and are joined
      out.push(toString(child).replace(/\n+/g, ''));
    } else if (child.type === 'containerDirective') {
      throw errorAt(
        path,
        child,
        `:::${child.name} opens inside :::${node.name} of line ${opened}: the closing ":::" of that block is missing (add it on its own line before line ${child.position?.start.line})`,
      );
    } else {
      const what = CONSTRUCT[child.type] ?? `"${child.type}"`;
      throw errorAt(path, child, `${what} inside :::${node.name} (line ${opened}): a turn holds paragraphs only; put a backslash before the first character to keep the line as text (e.g. \\- or \\#), or move it out of the turn`);
    }
  }
  return out;
}

/**
 * Canonical Markdown → PressEvent, parsed strictly: anything that would lose, misplace or duplicate
 * text (a construct a turn cannot hold, a missing closing ":::", text outside a turn, a malformed or
 * duplicate id, broken front-matter YAML) throws a PressbookError "file:line:column: …". The vfile
 * carries informational messages only (a format-1 file renumbered).
 */
export function parseEventMarkdown(text: string, path = 'event.md', parsed?: Root): { event: PressEvent; file: VFile } {
  const file = new VFile({ path, value: text });
  // a caller that also reads positions from the tree (the preview) hands in the one it parsed
  const tree = parsed ?? parseMarkdownTree(text);
  let meta: EventMeta | undefined;
  const turns: Turn[] = [];
  const highlights: Highlight[] = [];
  const fail = (msg: string, node?: RootContent): never => {
    const line = node?.position?.start.line;
    const col = node?.position?.start.column;
    throw new PressbookError(`${path}${line ? ':' + line + (col ? ':' + col : '') : ''}: ${msg}`, { file: path, line });
  };
  let version = FORMAT_VERSION;
  /** id → line of its first use, for duplicate reports */
  const seen = new Map<string, number>();
  const claim = (id: string, node: RootContent) => {
    const first = seen.get(id);
    if (first !== undefined) fail(`duplicate id "${id}" (already used on line ${first})`, node);
    seen.set(id, node.position?.start.line ?? 0);
  };
  let lastQuestion: string | undefined;
  for (const node of tree.children) {
    if (node.type === 'yaml') {
      const lc = new LineCounter();
      const doc = parseDocument(node.value, { lineCounter: lc });
      if (doc.errors.length) {
        // front-matter lines start after the opening "---"
        const e = doc.errors[0]!;
        const pos = lc.linePos(e.pos[0]);
        const line = pos.line + (node.position?.start.line ?? 1);
        throw new PressbookError(`${path}:${line}:${pos.col}: invalid YAML in the front matter: ${e.message.split('\n')[0]}`, { file: path, line });
      }
      const fm = doc.toJS() as Record<string, unknown>;
      if (!fm || typeof fm !== 'object') fail('front matter is not a YAML mapping', node);
      for (const key of ['id', 'date', 'year', 'title']) if (fm[key] === undefined) fail(`front matter lacks "${key}"`, node);
      if (fm.pressbook !== undefined) {
        version = Number(fm.pressbook);
        if (!Number.isInteger(version) || version < 1) fail(`front matter "pressbook: ${String(fm.pressbook)}" is not a format version`, node);
        if (version > FORMAT_VERSION) fail(`written by a newer pressbook (format ${version}; this version reads formats 1 to ${FORMAT_VERSION})`, node);
      }
      const id = String(fm.id);
      const date = String(fm.date);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`front matter "date: ${date}" is not an ISO date (YYYY-MM-DD)`, node);
      if (version >= 2 && (!EVENT_ID.test(id) || !id.startsWith(date)))
        fail(`front matter "id: ${id}" is not an event id for ${date} (expected ${date}, or ${date}b, ${date}c … for later events of that date)`, node);
      meta = {
        id: String(fm.id),
        date: String(fm.date),
        year: Number(fm.year),
        title: String(fm.title),
        session: fm.session as string | undefined,
        venue: fm.venue as string | undefined,
        speaker: fm.speaker as string | undefined,
        duration: fm.duration as string | undefined,
        headline: fm.headline as string | undefined,
        language: String(fm.language ?? 'zh-CN'),
        sources: (fm.sources as EventMeta['sources']) ?? [],
        hash: fm.hash as string | undefined,
      };
      for (const k of Object.keys(meta) as (keyof EventMeta)[]) if (meta[k] === undefined) delete meta[k];
    } else if (node.type === 'heading' && node.depth === 1) {
      // the title heading mirrors the front matter; the front matter wins
    } else if (node.type === 'containerDirective') {
      const a = node.attributes ?? {};
      if (node.name === 'highlights') {
        for (const list of node.children) {
          if (list.type !== 'list') throw errorAt(path, list, `:::highlights hold a bullet list only, not ${CONSTRUCT[list.type] ?? list.type}`);
          for (const item of list.children) {
            for (const c of item.children) {
              if (c.type !== 'paragraph') throw errorAt(path, c, `${CONSTRUCT[c.type] ?? c.type} inside a highlight: one line of text per "-" item`);
              checkInline(c, path, 'a highlight');
            }
            highlights.push({ text: toString(item).replace(/\n+/g, ''), source: a.source ?? '' });
          }
        }
      } else if (TURN_KINDS.has(node.name as TurnKind)) {
        const kind = node.name as TurnKind;
        if (!meta) fail(`:::${kind} before the front matter`, node);
        const turn: Turn = { kind, paragraphs: paragraphsOf(node, path) };
        if (a.speaker) turn.speaker = a.speaker;
        if (a.label !== undefined && node.name !== 'question' && node.name !== 'followup') turn.label = a.label ?? '';
        if (kind === 'question' || kind === 'followup') {
          const evId = meta!.id;
          const example = kind === 'question' ? `{#${evId}-01}` : `{#${evId}-01-f1}`;
          if (!a.id) fail(`:::${kind} needs an id, e.g. ${example}`, node);
          const id = a.id!;
          const m = QUESTION_ID.exec(id);
          let seq = Number(a.seq ?? NaN);
          let parent: string | undefined;
          if (version >= 2) {
            if (!m || m[1] !== evId || (kind === 'question') !== (m[3] === undefined))
              fail(`malformed ${kind} id "${id}": expected ${kind === 'question' ? `${evId}-NN (the event id and a two-digit number)` : `the id of its question and -f1, -f2 … (e.g. ${evId}-01-f1)`}`, node);
            claim(id, node);
            if (kind === 'question') {
              lastQuestion = id;
              if (!Number.isFinite(seq)) seq = Number(m![2]);
            } else {
              parent = `${m![1]}-${m![2]}`;
              if (!lastQuestion) fail(`follow-up "${id}" does not follow a question`, node);
              if (parent !== lastQuestion) fail(`follow-up "${id}" follows question "${lastQuestion}", not "${parent}"`, node);
              if (a.parent && a.parent !== parent) fail(`follow-up "${id}" names parent="${a.parent}" but its id belongs to "${parent}"`, node);
              if (!Number.isFinite(seq)) seq = Number(m![3]);
            }
          } else {
            if (kind === 'followup') fail(`:::followup needs format 2 (front matter "pressbook: ${FORMAT_VERSION}")`, node);
            if (!Number.isFinite(seq)) seq = turns.filter((t) => t.kind === 'question').length + 1;
          }
          turn.question = {
            id,
            seq,
            ...(parent ? { parent } : {}),
            label: a.label ?? '',
            outlet: a.outlet ?? '',
            title: a.title ?? '',
            topics: (a.topics ?? '').split(/\s+/).filter(Boolean),
          };
        }
        turns.push(turn);
      } else fail(`unknown block ":::${node.name}" (expected ${KIND_LIST})`, node);
    } else if (node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim())) {
      // comments are allowed for editors
    } else {
      fail(`text outside a turn block (${node.type}); wrap it in :::narration … ::: or a turn`, node);
    }
  }
  if (!meta) throw new PressbookError(`${path}:1: missing YAML front matter`, { file: path, line: 1 });
  const event: PressEvent = { meta, turns, highlights };
  if (version < 2) {
    // format 1 numbered questions by year ("2021-07"): give them ids scoped to the event
    if (!EVENT_ID.test(meta.id)) meta.id = meta.date;
    const before = questionIdsOf(event);
    assignIds(event);
    const after = questionIdsOf(event);
    if (before.join() !== after.join())
      file.info(`format 1 file: question ids renumbered under the event (${before[0]} → ${after[0]} …); save it again with \`pressbook clean\` to upgrade`, { line: 1, column: 1 });
  }
  return { event, file };
}

function questionIdsOf(ev: PressEvent): string[] {
  return ev.turns.flatMap((t) => (t.question ? [t.question.id] : []));
}

/**
 * The event exactly as `parseEventMarkdown(serializeEvent(ev))` returns it (the same values, and the
 * same key order, which cache keys see), without parsing: the build reads the Markdown it has just
 * written from `ev` this way, and parses those files while Chromium prints (markdown/folder.ts
 * `checkDeferred`), so a difference is still found and the parsed Markdown wins. `hash` is the one
 * in the written file's front matter. Keep in step with the construction above (a test compares).
 */
export function parsedShape(ev: PressEvent, hash: string | undefined): PressEvent {
  const m = ev.meta;
  const meta = { id: m.id, date: m.date, year: m.year, title: m.title, session: m.session, venue: m.venue, speaker: m.speaker, duration: m.duration, headline: m.headline, language: m.language ?? 'zh-CN', sources: structuredClone(m.sources.map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)))), hash } as EventMeta;
  for (const k of Object.keys(meta) as (keyof EventMeta)[]) if (meta[k] === undefined) delete meta[k];
  const turns = ev.turns.map((t) => {
    const turn: Turn = { kind: t.kind, paragraphs: [...t.paragraphs] };
    if (t.speaker) turn.speaker = t.speaker;
    if (t.label !== undefined && t.kind !== 'question' && t.kind !== 'followup') turn.label = t.label;
    if (t.question) {
      const q = t.question;
      turn.question = { id: q.id, seq: q.seq, ...(q.parent ? { parent: q.parent } : {}), label: q.label, outlet: q.outlet, title: q.title, topics: [...q.topics] };
    }
    return turn;
  });
  return { meta, turns, highlights: ev.highlights.map((h) => ({ text: h.text, source: h.source })) };
}
