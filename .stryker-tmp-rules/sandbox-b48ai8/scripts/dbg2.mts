import { processFile } from '/work/main/src/ingest/index.ts';
import { mergeTopics } from '/work/main/src/ingest/topics.ts';
for (const f of process.argv.slice(2)) {
  try { const p = processFile(f, mergeTopics()); console.log(f, p.kind, p.meta.date, p.turns.map((t) => t.kind + ':' + (t.label ?? t.speaker ?? '') + ':' + t.paragraphs.length).join(' ')); }
  catch (e) { const r = (e as any).report; console.log(f, 'ERR', (e as Error).message.slice(0, 100)); }
}
