// @ts-nocheck
import Mustache from 'mustache';

/** Minimal escaping (valid in HTML and XHTML, keeps CJK and "/" literal: no numeric character references). */
export function escapeMarkup(s: unknown): string {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
Mustache.escape = escapeMarkup;

export function render(template: string, view: unknown): string {
  return Mustache.render(template, view);
}
