/** Plain-text report of an evaluation: the figures, then every page that fails a check. */
// @ts-nocheck

import type { EvalResult, Ratio } from './evaluate.js';

const pct = (r: Ratio) => (r.of ? `${r.ok}/${r.of} (${((100 * r.ok) / r.of).toFixed(1)}%)` : 'n/a');

export function formatEval(r: EvalResult, opts: { gold?: string } = {}): string {
  const s = r.summary;
  const out: string[] = [];
  const row = (k: string, v: string | number) => out.push(`  ${k.padEnd(34)} ${v}`);
  out.push(`pressbook eval${opts.gold ? ` (gold: ${opts.gold})` : ' (no gold: structure and Han conservation only)'}`);
  row('pages', s.pages);
  row('pages with a gold row', s.gold);
  if (s.goldMissing.length) row('gold rows without a page', `${s.goldMissing.length}: ${s.goldMissing.slice(0, 8).join(', ')}${s.goldMissing.length > 8 ? ' …' : ''}`);
  row('events', s.events);
  row('pages published as an event', s.published);
  row('pages rejected', s.rejected);
  row('pages not published (witness/digest)', s.notPublished);
  row('exact number of questions', pct(s.questions));
  row('exact number of follow-ups', pct(s.followups));
  row('both exact', pct(s.exact));
  row('both exact, regular conferences', pct(s.regularExact));
  row('dates right', pct(s.dates));
  row('speakers right', pct(s.speakers));
  row('titles right', pct(s.titles));
  row('Han characters conserved', pct(s.han));
  row('questions (expected → got)', `${s.totals.questions.expected} → ${s.totals.questions.got}`);
  row('follow-ups (expected → got)', `${s.totals.followups.expected} → ${s.totals.followups.got}`);
  const failing = r.pages.filter((p) => p.failures.length);
  out.push('');
  out.push(failing.length ? `${failing.length} page(s) failing a check (expected → got):` : 'every page passes every check');
  for (const p of failing) {
    out.push(`${p.file}${p.rejected ? `  REJECTED: ${p.rejected}` : ''}`);
    for (const f of p.failures) out.push(`    ${f.check.padEnd(10)} ${String(f.expected)} → ${String(f.got)}`);
  }
  return out.join('\n') + '\n';
}
