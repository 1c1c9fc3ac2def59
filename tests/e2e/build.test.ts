/**
 * The README's build, end to end, on the real seeds: runs the `pressbook` command as a user would,
 * then reads the PDF and the EPUB back. The build is the run's shared one (tests/helpers/example-build.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';
import { runAsync } from '../helpers/run.js';
import { cpSync, readFileSync, existsSync } from 'node:fs';
import { BUILD_EPOCH, exampleBuild } from '../helpers/example-build.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EpubCheck } from '@likecoin/epubcheck-ts';
import { pdfFonts, pdfPagesText } from '../helpers/pdf.js';
import { javaEpubcheck } from '../helpers/epubcheck.js';
import { loadConfig } from '../../src/config/load.js';
import JSZip from 'jszip';
import { rmSync } from 'node:fs';
import { readPdf } from '../pdf/read.js';

const root = join(__dirname, '..', '..');
const example = join(root, 'examples', 'npc-foreign-press');

/** asynchronous: a full build on a loaded machine can take longer than vitest lets a worker block (tests/helpers/run.ts) */
async function build(out: string, env: Record<string, string> = {}, extra: string[] = []) {
  const r = await runAsync(process.execPath, [join(root, 'bin', 'pressbook.js'), 'build', example, '--out', out, ...extra], {
    env: { ...process.env, ...env },
  });
  const log = r.stdout + r.stderr;
  if (r.status !== 0) throw new Error(`pressbook build exited ${r.status}:\n${log}`);
  return log;
}

let mainLog = '';
let mainOut = '';

describe('pressbook build (system or configured browser)', () => {
  let out: string;
  let manifest: { files: { path: string; kind: string; bytes: number }[] };
  let pdf: Uint8Array;
  let log: string;
  beforeAll(async () => {
    ({ out, log } = await exampleBuild());
    mainLog = log;
    mainOut = out;
    manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    pdf = readFileSync(join(out, 'npc-foreign-press.pdf'));
  }, 240_000);

  it('writes manifest.json listing every file it wrote, and they exist with those sizes', () => {
    const kinds = new Set(manifest.files.map((f) => f.kind));
    for (const k of ['pdf', 'epub', 'markdown', 'report', 'questions-json', 'questions-csv']) expect(kinds, `manifest lacks ${k}`).toContain(k);
    for (const f of manifest.files) {
      expect(existsSync(join(out, f.path)), f.path).toBe(true);
      expect(readFileSync(join(out, f.path)).length).toBe(f.bytes);
    }
  });

  it('prints every handout declared in pressbook.yaml, says so, and lists it in the manifest', async () => {
    const declared = loadConfig(example).handouts;
    expect(declared.length).toBeGreaterThan(0);
    for (const h of declared) {
      const rel = `handouts/${h.name}.pdf`;
      expect(manifest.files, `${rel} is not in manifest.json`).toContainEqual(expect.objectContaining({ path: rel, kind: 'handout' }));
      expect(log, `build did not report ${rel}`).toMatch(new RegExp(`handout .*${rel.replace('.', '\\.')} \\(\\d+ page`));
      const text = (await pdfPagesText(readFileSync(join(out, rel)))).join('').replace(/\s+/g, '');
      expect(text, `${rel} lacks its title`).toContain(h.title.replace(/\s+/g, ''));
    }
  });

  it('prints a PDF whose text holds each of 2020, 2021 and 2022', async () => {
    const text = (await pdfPagesText(pdf)).join('\n').replace(/\s+/g, '');
    // one sentence from each year's transcript, as cleaned
    expect(text).toContain('人类实际上是一个命运共同体'); // 2020
    expect(text).toContain('团结就是力量，坚持就是胜利'); // 2021
    expect(text).toContain('乌克兰'); // 2022
    for (const y of ['2020年', '2021年', '2022年']) expect(text).toContain(y);
  });

  it('embeds every font, none Type 3, none from the system', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.subtype, f.name).not.toBe('/Type3');
      expect(f.name, 'a system font was used').toMatch(/Noto(Serif|Sans)SC/);
    }
  });

  it('writes an EPUB that @likecoin/epubcheck-ts reports with 0 errors', async () => {
    const r = await EpubCheck.validate(readFileSync(join(out, 'npc-foreign-press.epub')));
    const errors = r.messages.filter((m) => m.severity === 'error' || m.severity === 'fatal');
    expect(errors.map((m) => `${m.message} @ ${m.location?.path}:${m.location?.line}`)).toEqual([]);
  }, 60_000);

  it("gives the EPUB a page-list of the PDF's pages: each marker at an anchor, labelled with the page the PDF prints it on", async () => {
    const R = await readPdf(pdf);
    const pageOf = new Map(R.links.map((l) => [l.dest, R.labels![l.target]!]));
    const check = async (file: string) => {
      const zip = await JSZip.loadAsync(readFileSync(file));
      const read = (f: string) => zip.file(`OEBPS/${f}`)!.async('string');
      const nav = await read('toc.xhtml');
      const list = /<nav epub:type="page-list"[\s\S]*?<\/nav>/.exec(nav)?.[0] ?? '';
      const entries = [...list.matchAll(/<a href="([^"#]+)#([^"]+)">([^<]+)<\/a>/g)].map((m) => ({ file: m[1]!, id: m[2]!, label: m[3]! }));
      expect(entries.length, 'page-list entries').toBeGreaterThan(30);
      for (const e of entries) {
        const page = await read(e.file);
        // the marker is the first child of the element whose id is the anchor
        const m = new RegExp(`id="([^"]+)"[^>]*><span epub:type="pagebreak" role="doc-pagebreak" id="${e.id}" aria-label="${e.label}">`).exec(page);
        expect(m, `${e.file}#${e.id}`).not.toBeNull();
        expect(pageOf.get(m![1]!), `page of ${m![1]} in the PDF`).toBe(e.label);
      }
      expect(await read('content.opf')).toMatch(/<dc:source id="print-source">[^<]+<\/dc:source>/);
      return entries.length;
    };
    const n = await check(join(out, 'npc-foreign-press.epub'));
    // \`epub\` alone, later: the page-list comes from the PDF already in the output folder (a copy
    // of the shared build's, which other test files read)
    const later = join(tempDir('pb-e2e-epub-'), 'out');
    cpSync(out, later, { recursive: true });
    rmSync(join(later, 'npc-foreign-press.epub'));
    // (the same book: the shared build's SOURCE_DATE_EPOCH)
    const r = await runAsync(process.execPath, [join(root, 'bin', 'pressbook.js'), 'epub', example, '--out', later], { env: { ...process.env, SOURCE_DATE_EPOCH: BUILD_EPOCH } });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(await check(join(later, 'npc-foreign-press.epub'))).toBe(n);
  }, 120_000);

  it('writes an EPUB that Java EPUBCheck reports with 0 errors', async (ctx) => {
    const r = await javaEpubcheck(join(out, 'npc-foreign-press.epub'));
    if (!r) return ctx.skip('Java EPUBCheck is not installed (set PRESSBOOK_REQUIRE_JAVA_EPUBCHECK=1 to require it)');
    expect(r.fatals + r.errors, r.output).toBe(0);
  }, 120_000);
});

describe('pressbook build with PRESSBOOK_BROWSER=bundled (the fresh-machine path)', () => {
  it('prints the PDF with the npm-shipped Chromium', async () => {
    // without a system browser the build above already printed with the npm-shipped Chromium: its
    // output is checked instead of printing the same book a second time
    let log = mainLog;
    let out = mainOut;
    if (!/pdf .*\(\d+ KiB, bundled: /.test(mainLog)) {
      out = tempDir('pb-e2e-bundled-');
      log = await build(out, { PRESSBOOK_BROWSER: 'bundled' }, ['--no-epub']);
    }
    expect(log).toMatch(/pdf .*\(\d+ KiB, bundled: /);
    const text = (await pdfPagesText(readFileSync(join(out, 'npc-foreign-press.pdf')))).join('');
    for (const y of ['2020', '2021', '2022']) expect(text).toContain(y);
    for (const f of await pdfFonts(readFileSync(join(out, 'npc-foreign-press.pdf')))) expect(f.name).toMatch(/Noto(Serif|Sans)SC/);
  }, 240_000);
});
