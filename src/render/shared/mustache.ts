import Mustache from 'mustache';

/** Minimal escaping (valid in HTML and XHTML, keeps CJK and "/" literal: no numeric character references). */
export function escapeMarkup(s: unknown): string {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
Mustache.escape = escapeMarkup;

export function render(template: string, view: unknown): string {
  return Mustache.render(template, view);
}

/** Render plain text (no escaping: the result is escaped where a template prints it). */
export function renderText(template: string, view: unknown): string {
  return Mustache.render(template, view, {}, { escape: (s: unknown) => String(s) });
}
