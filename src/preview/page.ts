/**
 * The preview page: the print HTML of the current conference in an iframe (same origin, so the page
 * can patch it and keep its scroll position), and a side panel with the problems (file:line:column),
 * the clicked paragraph's Markdown file and line, and the cleaning diagnostics of the conference's
 * sources. The client script is small and inline; it talks to the server over /ws, /state, /print, /open.
 */
export function previewPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pressbook preview</title>
<style>
html,body{margin:0;height:100%;font:13px/1.45 system-ui,sans-serif}
body{display:grid;grid-template-columns:1fr 360px;grid-template-rows:100%}
#print{border:0;width:100%;height:100%;background:#8d8d8d}
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
<iframe id="print" title="print preview"></iframe>
<aside>
  <select id="events" aria-label="press conference"></select>
  <div id="status">connecting…</div>
  <h2>Problems</h2><div id="problems"></div>
  <h2>Source of the clicked paragraph</h2><div id="where">click a paragraph</div>
  <h2>Cleaning diagnostics</h2><div id="diagnostics"></div>
</aside>
<script>
(() => {
  const frame = document.getElementById('print');
  const $ = (id) => document.getElementById(id);
  const KEY = 'pressbook-preview';
  let state = { events: [], problems: [] };
  let current = null;
  const saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

  async function post(file, line) {
    const r = await fetch('/open', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ file, line }) });
    $('status').textContent = await r.text();
  }
  window.pbOpen = post;

  function panel() {
    const sel = $('events');
    sel.innerHTML = state.events.map((e) => '<option value="' + esc(e.id) + '"' + (e.id === current ? ' selected' : '') + '>' + esc(e.date + ' ' + e.title) + (e.error ? ' ⚠' : '') + '</option>').join('');
    $('problems').innerHTML = state.problems.map((p) => '<div>' + esc(p.message) + '</div>').join('');
    const ev = state.events.find((e) => e.id === current);
    $('diagnostics').innerHTML = (ev ? ev.diagnostics : []).map((s) =>
      '<div><b>' + esc(s.file) + '</b> (' + esc(s.role + ', ' + s.layout) + ')</div>' +
      s.messages.map((m) => '<div class="diag ' + esc(m.severity) + '" data-file="' + esc(s.path) + '" data-line="' + m.line + '">' +
        esc(s.file + ':' + m.line + (m.column ? ':' + m.column : '') + ' ' + m.rule + ': ' + m.message) + '</div>').join('')).join('') || 'none';
  }
  $('diagnostics').addEventListener('click', (e) => {
    const d = e.target.closest('.diag');
    if (d) post(d.dataset.file, Number(d.dataset.line));
  });
  $('events').addEventListener('change', (e) => show(e.target.value, 0));

  function bind(doc) {
    doc.addEventListener('click', (e) => {
      const p = e.target.closest && e.target.closest('[data-src-line]');
      if (!p) return;
      for (const q of doc.querySelectorAll('.pb-picked')) q.classList.remove('pb-picked');
      p.classList.add('pb-picked');
      const file = p.dataset.srcFile, line = Number(p.dataset.srcLine);
      $('where').innerHTML = '<code>' + esc(file + ':' + line) + '</code> ' + (state.editor ? '<button id="open">open in $EDITOR</button>' : '<small>(set EDITOR to open it from here)</small>');
      const b = $('open');
      if (b) b.onclick = () => post(file, line);
    });
    frame.contentWindow.addEventListener('scroll', () => sessionStorage.setItem(KEY, JSON.stringify({ id: current, y: frame.contentWindow.scrollY })));
  }

  /** Show a conference: the first time by loading the frame, then by patching its document in place. */
  async function show(id, y) {
    const r = await fetch('/print/' + encodeURIComponent(id));
    const html = await r.text();
    if (!r.ok) { $('status').textContent = html; return; }
    const doc = frame.contentDocument;
    if (id !== current || !doc || !doc.body || !frame.dataset.loaded) {
      current = id;
      await new Promise((res) => { frame.onload = res; frame.src = '/print/' + encodeURIComponent(id); });
      frame.dataset.loaded = '1';
      bind(frame.contentDocument);
    } else {
      const next = new DOMParser().parseFromString(html, 'text/html');
      if (doc.head.innerHTML !== next.head.innerHTML) doc.head.innerHTML = next.head.innerHTML;
      doc.body.replaceWith(doc.importNode(next.body, true));
    }
    frame.contentWindow.scrollTo(0, y);
    panel();
  }

  async function refresh(events) {
    state = await (await fetch('/state')).json();
    if (!state.events.length) { panel(); return; }
    const keep = current && state.events.some((e) => e.id === current);
    if (!keep) return show(state.events[0].id, 0);
    if (events === null || events.includes(current)) await show(current, frame.contentWindow.scrollY);
    else panel();
  }

  function connect() {
    const ws = new WebSocket('ws://' + location.host + '/ws');
    ws.onopen = () => { $('status').textContent = 'watching for changes'; };
    ws.onmessage = async (m) => {
      const msg = JSON.parse(m.data);
      if (msg.type !== 'update') return;
      await refresh(msg.events);
      document.body.dataset.version = String(msg.version);
      $('status').textContent = 'updated ' + new Date().toLocaleTimeString();
    };
    ws.onclose = () => { $('status').textContent = 'server gone: retrying…'; setTimeout(connect, 1000); };
  }

  (async () => {
    state = await (await fetch('/state')).json();
    const first = saved && state.events.some((e) => e.id === saved.id) ? saved : state.events[0] && { id: state.events[0].id, y: 0 };
    if (first) await show(first.id, first.y || 0); else panel();
    document.body.dataset.version = String(state.version);
    document.body.dataset.ready = '1';
    connect();
  })();
})();
</script>
</body></html>`;
}
