/**
 * The preview page: the current conference as paged print pages (the PDF Chromium prints from the print
 * HTML, drawn by pdf.js with a text layer), its EPUB chapter in a side frame, and a panel with the
 * problems (file:line:column), the clicked paragraph's Markdown file and line, and the cleaning
 * diagnostics of the conference's sources. The client script is small and inline; it talks to the
 * server over /ws, /state, /pdf, /epub, /open.
 *
 * An update re-draws each page into a fresh canvas and text layer and swaps them in only when drawn,
 * the pages keeping their size, so the reader stays where they were; the pages in view are drawn first.
 */
export function previewPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pressbook preview</title>
<style>
html,body{margin:0;height:100%;font:13px/1.45 system-ui,sans-serif}
body{display:grid;grid-template-columns:minmax(0,1fr) minmax(260px,30%) 300px;grid-template-rows:100%}
#print{overflow:auto;background:#8d8d8d;padding:12px 0}
.pg{position:relative;margin:0 auto 12px;background:#fff;box-shadow:0 1px 6px rgba(0,0,0,.4)}
.pg canvas{position:absolute;inset:0;width:100%;height:100%}
.pg .textLayer{position:absolute;inset:0;overflow:clip;line-height:1;text-align:initial;transform-origin:0 0;z-index:0;cursor:pointer}
.pg .textLayer :is(span,br){color:transparent;position:absolute;white-space:pre;transform-origin:0% 0%}
.pg .textLayer span.markedContent{top:0;height:0}
.pg .pick{position:absolute;left:0;right:0;background:rgba(255,220,0,.25);pointer-events:none}
#epub{border:0;border-left:1px solid #ccc;width:100%;height:100%;background:#fff}
aside{overflow:auto;border-left:1px solid #ccc;padding:8px 12px;background:#fafafa}
h2{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#555;margin:14px 0 4px}
#problems div{background:#fde2e1;border-left:3px solid #c62828;padding:4px 6px;margin:4px 0;white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:12px}
#problems:empty::after{content:"none";color:#2e7d32}
.diag{font-family:ui-monospace,monospace;font-size:12px;padding:2px 0;cursor:pointer}
.diag:hover{background:#e8f0fe}
.warning{color:#a15c00}
#status{color:#777;font-size:11px}
select{max-width:100%}
</style></head>
<body>
<main id="print" aria-label="print pages"></main>
<iframe id="epub" title="EPUB view"></iframe>
<aside>
  <select id="events" aria-label="press conference"></select>
  <select id="editions" aria-label="edition" hidden></select>
  <div id="status">connecting…</div>
  <h2>Problems</h2><div id="problems"></div>
  <h2>Source of the clicked paragraph</h2><div id="where">click a paragraph (print or EPUB)</div>
  <h2>Cleaning diagnostics</h2><div id="diagnostics"></div>
</aside>
<script type="module">
import * as pdfjs from '/pdfjs/pdf.min.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs';
const $ = (id) => document.getElementById(id);
const view = $('print'), epub = $('epub');
const KEY = 'pressbook-preview';
let state = { events: [], problems: [] };
let current = null;
/** the edition shown (a tag of state.editions; '': the book as cleaned) */
let edition = '';
/** the PDF shown: its pages' size (pt) and where each paragraph starts */
let shown = null;
let generation = 0;
/** one pdf.js worker for every PDF shown */
const worker = new pdfjs.PDFWorker();
let shownDoc = null;
/** milliseconds of the last update, per step (for the bench) */
window.pbTimings = {};
const saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

async function post(file, line) {
  const r = await fetch('/open', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ file, line }) });
  $('status').textContent = await r.text();
}
window.pbOpen = post;
/** for tests and the bench: the PDF shown (scale, page size in pt, paragraph starts) */
window.pbShown = () => shown;

function where(file, line) {
  $('where').innerHTML = '<code>' + esc(file + ':' + line) + '</code> ' + (state.editor ? '<button id="open">open in $EDITOR</button>' : '<small>(set EDITOR to open it from here)</small>');
  const b = $('open');
  if (b) b.onclick = () => post(file, line);
}

let shownDiags = '';
function problems() {
  $('problems').innerHTML = state.problems.map((p) => '<div>' + esc(p.message) + '</div>').join('');
}

function panel() {
  const eds = state.editions || [];
  $('editions').hidden = eds.length < 2;
  $('editions').innerHTML = eds.map((t) => '<option value="' + esc(t) + '"' + (t === edition ? ' selected' : '') + '>' + esc(t) + '</option>').join('');
  $('events').innerHTML = state.events.map((e) => '<option value="' + esc(e.id) + '"' + (e.id === current ? ' selected' : '') + '>' + esc(e.date + ' ' + e.title) + (e.error ? ' ⚠' : '') + '</option>').join('');
  problems();
  const ev = state.events.find((e) => e.id === current);
  // the diagnostics change with a clean, not with a hand edit: the list is built again only when they do
  const diags = ev ? ev.diagnostics : [];
  const key = current + ' ' + JSON.stringify(diags);
  if (key === shownDiags) return;
  shownDiags = key;
  $('diagnostics').innerHTML = diags.map((s) =>
    '<div><b>' + esc(s.file) + '</b> (' + esc(s.role + ', ' + s.layout) + ')</div>' +
    s.messages.map((m) => '<div class="diag ' + esc(m.severity) + '" data-file="' + esc(s.path) + '" data-line="' + m.line + '">' +
      esc(s.file + ':' + m.line + (m.column ? ':' + m.column : '') + ' ' + m.rule + ': ' + m.message) + '</div>').join('')).join('') || 'none';
}
$('diagnostics').addEventListener('click', (e) => {
  const d = e.target.closest('.diag');
  if (d) post(d.dataset.file, Number(d.dataset.line));
});
$('events').addEventListener('change', (e) => show(e.target.value, 0));
$('editions').addEventListener('change', (e) => { edition = e.target.value; show(current, view.scrollTop, true); });
view.addEventListener('scroll', () => sessionStorage.setItem(KEY, JSON.stringify({ id: current, ed: edition, y: view.scrollTop })));

/** A click on a page: the paragraph whose top is the last one above the click (pages in order). */
view.addEventListener('click', (e) => {
  const pg = e.target.closest('.pg');
  if (!pg || !shown) return;
  const i = Number(pg.dataset.page), r = pg.getBoundingClientRect();
  const y = shown.height - (e.clientY - r.top) / shown.scale;
  let hit = null;
  for (const p of shown.paras) if (p.page < i || (p.page === i && p.top >= y - 2)) hit = p;
  const ev = state.events.find((x) => x.id === current);
  if (!hit || !ev) return;
  for (const q of view.querySelectorAll('.pick')) q.remove();
  const mark = document.createElement('div');
  mark.className = 'pick';
  const on = view.querySelector('.pg[data-page="' + hit.page + '"]');
  mark.style.top = (shown.height - hit.top) * shown.scale + 'px';
  mark.style.height = '1.6em';
  on.append(mark);
  where(ev.file, hit.line);
  // the EPUB chapter follows to the same paragraph
  const d = epub.contentDocument, q = d && d.querySelector('[data-src-line="' + hit.line + '"]');
  if (q) {
    for (const x of d.querySelectorAll('.pb-picked')) x.classList.remove('pb-picked');
    q.classList.add('pb-picked');
    q.scrollIntoView({ block: 'center' });
  }
});

/**
 * The print's text as written. The print CSS sets a gap between Han (or kana) and Latin letters or
 * digits (text-autospace), and pdf.js reads every such gap back as a space: "2020年5月24日" would be
 * "2020 年 5 月 24 日" in the text layer (find, copy, and the bench's check of an edit). The canonical
 * text never has a space there (the cleaning rules drop it), so the text layer drops it too, within an
 * item and as an item of its own between two.
 */
const IDEO = '[\\\\p{Ideographic}\\\\p{Script=Hiragana}\\\\p{Script=Katakana}]';
const ALNUM = '(?:(?!' + IDEO + ')[\\\\p{L}\\\\p{N}])';
const GAP = new RegExp('(?<=' + IDEO + ') (?=' + ALNUM + ')|(?<=' + ALNUM + ') (?=' + IDEO + ')', 'gu');
const PAIR = new RegExp('^(?:' + IDEO + ALNUM + '|' + ALNUM + IDEO + ')$', 'u');
function asWritten(content) {
  const items = content.items.filter((it) => typeof it.str === 'string');
  for (const it of items) it.str = it.str.replace(GAP, '');
  items.forEach((it, i) => {
    const a = items[i - 1], b = items[i + 1];
    if (it.str === ' ' && a && b && a.str && b.str && !a.hasEOL && PAIR.test([...a.str].at(-1) + String.fromCodePoint(b.str.codePointAt(0)))) it.str = '';
  });
  return content;
}

/** Draw page i of a PDF into a new canvas and text layer of page box \`into\`; swap them in when done (the box keeps its size). */
async function draw(doc, i, gen, into = i) {
  const page = await doc.getPage(i + 1);
  const viewport = page.getViewport({ scale: shown.scale });
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  const text = document.createElement('div');
  text.className = 'textLayer';
  // the drawing and the text layer at once (the worker reads the text while the canvas is painted)
  await Promise.all([
    page.render({ canvasContext: canvas.getContext('2d'), viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise,
    page.getTextContent().then((c) => new pdfjs.TextLayer({ textContentSource: asWritten(c), container: text, viewport }).render()),
  ]);
  if (gen !== generation) return;
  const box = view.querySelector('.pg[data-page="' + into + '"]');
  if (box) box.replaceChildren(canvas, text);
}

/** Indexes of the page boxes in view. */
function inView() {
  const top = view.scrollTop, bottom = top + view.clientHeight;
  return [...view.querySelectorAll('.pg')].filter((b) => b.offsetTop - view.offsetTop < bottom && b.offsetTop - view.offsetTop + b.offsetHeight > top).map((b) => Number(b.dataset.page));
}

async function fetchPdf(url) {
  const r = await fetch(url);
  if (!r.ok) { $('status').textContent = await r.text(); return null; }
  return pdfjs.getDocument({ data: new Uint8Array(await r.arrayBuffer()), worker }).promise;
}

/**
 * Show the conference's print. After an edit the pages in view come first, from a print of those pages
 * only (cheaper to print and to draw); then the whole print: the other pages, the page count and the
 * paragraph starts.
 */
async function paged(id, y) {
  const gen = ++generation;
  const T = { t0: performance.now() }, lap = (k) => { T[k] = Math.round(performance.now() - T.t0); };
  const base = '/pdf/' + encodeURIComponent(id) + '?v=' + state.version + '&ed=' + encodeURIComponent(edition);
  const done = new Set();
  if (y === null && shown) {
    const vis = inView();
    if (vis.length) {
      const a = Math.min(...vis), b = Math.max(...vis);
      const part = await fetchPdf(base + '&pages=' + (a + 1) + '-' + (b + 1));
      if (gen !== generation) { part?.destroy(); return false; }
      lap('fetchPages');
      if (part && part.numPages === b - a + 1) {
        await Promise.all(vis.map((i) => draw(part, i - a, gen, i)));
        vis.forEach((i) => done.add(i));
        lap('visible');
        window.pbTimings = T;
      }
      if (part) setTimeout(() => part.destroy(), 5000);
      if (gen !== generation) return false;
    }
  }
  const doc = await fetchPdf(base);
  if (!doc) return false;
  if (gen !== generation) { doc.destroy(); return false; }
  lap('fetch');
  const first = await doc.getPage(1);
  const raw = first.getViewport({ scale: 1 });
  const scale = shown ? shown.scale : Math.min(1.5, Math.max(0.5, (view.clientWidth - 32) / raw.width));
  // paragraph starts: the named destinations "pb-src-<line>" the print carries
  const dests = await doc.getDestinations();
  const paras = await Promise.all(Object.entries(dests || {}).filter(([name, d]) => d && /^pb-src-\\d+$/.test(name))
    .map(async ([name, d]) => ({ line: Number(name.slice(7)), page: await doc.getPageIndex(d[0]), top: Number(d[3]) })));
  paras.sort((a, b) => a.page - b.page || b.top - a.top);
  lap('dests');
  shown = { scale, width: raw.width, height: raw.height, pages: doc.numPages, paras };
  const boxes = [...view.querySelectorAll('.pg')];
  for (const b of boxes.slice(doc.numPages)) b.remove();
  for (let i = boxes.length; i < doc.numPages; i++) {
    const b = document.createElement('div');
    b.className = 'pg';
    b.dataset.page = String(i);
    view.append(b);
  }
  for (const b of view.querySelectorAll('.pg')) {
    b.style.width = raw.width * scale + 'px';
    b.style.height = raw.height * scale + 'px';
    b.style.setProperty('--scale-factor', String(scale));
  }
  if (y !== null) view.scrollTop = y;
  const visible = inView().filter((i) => !done.has(i));
  await Promise.all(visible.map((i) => draw(doc, i, gen)));
  if (gen !== generation) return false;
  if (!done.size) { lap('visible'); window.pbTimings = T; }
  if (shownDoc && shownDoc !== doc) { const old = shownDoc; setTimeout(() => old.destroy(), 5000); }
  shownDoc = doc;
  document.body.dataset.pages = String(doc.numPages);
  // the rest in the background, one at a time
  (async () => {
    for (let i = 0; i < doc.numPages; i++) {
      if (visible.includes(i) || done.has(i)) continue;
      if (gen !== generation) return;
      await draw(doc, i, gen);
    }
    if (gen === generation) document.body.dataset.drawn = String(state.version);
  })();
  return true;
}

function bindEpub(doc) {
  doc.addEventListener('click', (e) => {
    const p = e.target.closest && e.target.closest('[data-src-line]');
    if (!p) return;
    for (const q of doc.querySelectorAll('.pb-picked')) q.classList.remove('pb-picked');
    p.classList.add('pb-picked');
    where(p.getAttribute('data-src-file'), Number(p.getAttribute('data-src-line')));
  });
}

/** The EPUB chapter: loaded once per conference, then patched in place (its scroll position kept). */
async function chapter(id, fresh) {
  const url = '/epub/' + encodeURIComponent(id) + '?ed=' + encodeURIComponent(edition);
  if (fresh || !epub.contentDocument || !epub.contentDocument.body) {
    await new Promise((res) => { epub.onload = res; epub.src = url; });
    bindEpub(epub.contentDocument);
    return;
  }
  const r = await fetch(url);
  if (!r.ok) return;
  const next = new DOMParser().parseFromString(await r.text(), 'application/xhtml+xml');
  const body = next.getElementsByTagName('body')[0];
  if (body) epub.contentDocument.body.replaceWith(epub.contentDocument.importNode(body, true));
}

let socket = null;
async function show(id, y, reload = false) {
  const fresh = reload || id !== current;
  current = id;
  if (fresh) shown = null;
  if (socket && socket.readyState === 1) socket.send(JSON.stringify({ type: 'view', id, edition }));
  panel();
  // the print first: the EPUB chapter does not compete with it
  await paged(id, fresh ? y : null);
  await chapter(id, fresh);
}

async function refresh(events, version, news) {
  // the conference shown changed: its pages are asked for at once (the problems the message carries
  // shown meanwhile), the panel's state after them (it does not take the page from the drawing)
  if (current && version !== undefined && events && events.includes(current)) {
    state.version = version;
    if (news) { state.problems = news; problems(); }
    await paged(current, null);
    const next = fetch('/state').then((r) => r.json()).then((s) => { state = s; panel(); });
    await Promise.all([chapter(current, false), next]);
    if (state.events.some((e) => e.id === current)) return;
  }
  state = await (await fetch('/state')).json();
  if (!state.events.length) { panel(); return; }
  const keep = current && state.events.some((e) => e.id === current);
  if (!keep) return show(state.events[0].id, 0);
  if (events === null || events.includes(current)) await show(current, null);
  else panel();
}

function connect() {
  const ws = new WebSocket('ws://' + location.host + '/ws');
  socket = ws;
  ws.onopen = () => {
    $('status').textContent = 'watching for changes';
    if (current) ws.send(JSON.stringify({ type: 'view', id: current, edition }));
  };
  ws.onmessage = async (m) => {
    const msg = JSON.parse(m.data);
    if (msg.type !== 'update') return;
    await refresh(msg.events, msg.version, msg.problems);
    document.body.dataset.version = String(msg.version);
    $('status').textContent = 'updated ' + new Date().toLocaleTimeString();
  };
  ws.onclose = () => { $('status').textContent = 'server gone: retrying…'; setTimeout(connect, 1000); };
}

state = await (await fetch('/state')).json();
edition = saved && (state.editions || []).includes(saved.ed) ? saved.ed : (state.editions || [])[0] || '';
const first = saved && state.events.some((e) => e.id === saved.id) ? saved : state.events[0] && { id: state.events[0].id, y: 0 };
if (first) await show(first.id, first.y || 0); else panel();
document.body.dataset.version = String(state.version);
document.body.dataset.ready = '1';
connect();
</script>
</body></html>`;
}
