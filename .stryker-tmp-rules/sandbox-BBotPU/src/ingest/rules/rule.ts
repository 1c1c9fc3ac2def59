/**
 * The one interface of a cleaning rule.
 *
 * A rule has a name, says when it applies (from the layout of the source), and transforms the
 * working lines. Everything it changes or removes it reports through the source's VFile
 * (`ctx.report`): one message per change, placed at the source line (and column), with the rule's
 * name as `ruleId` and the removed text as `actual`. What a rule hands on to the engine (title
 * lines, headline bullets, a headline, loop counts) goes into `ctx.out`.
 *
 * The order of the rules is declared in one place: `rules/index.ts`.
 */
// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import type { VFile } from 'vfile';
import type { LayoutInfo } from '../layout.js';
import type { Line, RuleResult } from '../text.js';
import { countHan } from '../text.js';
import { report, sourceFile, toDiagnostic, type Diagnostic, type ReportOptions, type Severity } from '../message.js';

/**
 * Where a rule works: 'characters' rules rewrite characters inside each source line (speaker
 * labels are detected after them); 'lines' rules work on source lines and blocks; 'paragraphs'
 * rules on the paragraphs that reflow builds (reflow itself is the first of them).
 */
export type RuleStage = 'characters' | 'lines' | 'paragraphs';

/** What rules hand on to the engine besides the lines. */
export interface RuleOutputs {
  /** title lines printed above the transcript (→ metadata) */
  titles: string[];
  /** digest headline bullets at the head (→ highlights) */
  bullets: {
    text: string;
    src: number;
  }[];
  /** a headline repeated at the end of the text */
  headline?: string;
  /** paragraphs removed as a degenerate loop */
  repeated: number;
  /** texts removed as cut off mid-sentence */
  truncated: number;
  /** list-bullet markers dropped while reflowing */
  listBullets: number;
  /** per-rule counts of individual fixes (report.json `fixes`) */
  fixes: Record<string, number>;
  /** source lines where a separator forced a new turn */
  breaks: Set<number>;
}
export interface RuleContext {
  /** the source's display name (report `file`) */
  file: string;
  /** messages go here */
  vfile: VFile;
  layout: Pick<LayoutInfo, 'base' | 'digestHead'>;
  /** names used as speaker labels (found after the character rules) */
  speakers: Set<string>;
  /** a paragraph that starts a new turn (a label or closing narration) */
  isBoundary: (text: string) => boolean;
  /** column width of a hard-wrapped source, when the layout is columns */
  wrap?: number;
  out: RuleOutputs;
  /** report one change by the current rule (removed text → `actual`) */
  report: (reason: string, o: ReportOptions) => void;
  /** count individual fixes by the current rule */
  fix: (n: number) => void;
}
export interface CleaningRule {
  name: string;
  stage: RuleStage;
  /** one line saying what the rule does (listed by the registry tests and docs) */
  description: string;
  applies: (ctx: RuleContext) => boolean;
  transform: (lines: Line[], ctx: RuleContext) => Line[];
}
export function emptyOutputs(): RuleOutputs {
  if (stryMutAct_9fa48("1266")) {
    {}
  } else {
    stryCov_9fa48("1266");
    return stryMutAct_9fa48("1267") ? {} : (stryCov_9fa48("1267"), {
      titles: stryMutAct_9fa48("1268") ? ["Stryker was here"] : (stryCov_9fa48("1268"), []),
      bullets: stryMutAct_9fa48("1269") ? ["Stryker was here"] : (stryCov_9fa48("1269"), []),
      repeated: 0,
      truncated: 0,
      listBullets: 0,
      fixes: {},
      breaks: new Set()
    });
  }
}
export interface ContextOptions {
  vfile?: VFile;
  layout?: RuleContext['layout'];
  speakers?: Set<string>;
  isBoundary?: (text: string) => boolean;
  wrap?: number;
}

/** A context whose `report`/`fix` are bound to one rule name at a time (see `runRule`). */
export function createContext(file: string, o: ContextOptions = {}): RuleContext & {
  current: string;
} {
  if (stryMutAct_9fa48("1270")) {
    {}
  } else {
    stryCov_9fa48("1270");
    const ctx: RuleContext & {
      current: string;
    } = stryMutAct_9fa48("1271") ? {} : (stryCov_9fa48("1271"), {
      file,
      vfile: stryMutAct_9fa48("1272") ? o.vfile && sourceFile(file) : (stryCov_9fa48("1272"), o.vfile ?? sourceFile(file)),
      layout: stryMutAct_9fa48("1273") ? o.layout && {
        base: 'paragraphs',
        digestHead: false
      } : (stryCov_9fa48("1273"), o.layout ?? (stryMutAct_9fa48("1274") ? {} : (stryCov_9fa48("1274"), {
        base: stryMutAct_9fa48("1275") ? "" : (stryCov_9fa48("1275"), 'paragraphs'),
        digestHead: stryMutAct_9fa48("1276") ? true : (stryCov_9fa48("1276"), false)
      }))),
      speakers: stryMutAct_9fa48("1277") ? o.speakers && new Set() : (stryCov_9fa48("1277"), o.speakers ?? new Set()),
      isBoundary: stryMutAct_9fa48("1278") ? o.isBoundary && (() => false) : (stryCov_9fa48("1278"), o.isBoundary ?? (stryMutAct_9fa48("1279") ? () => undefined : (stryCov_9fa48("1279"), () => stryMutAct_9fa48("1280") ? true : (stryCov_9fa48("1280"), false)))),
      wrap: o.wrap,
      out: emptyOutputs(),
      current: stryMutAct_9fa48("1281") ? "" : (stryCov_9fa48("1281"), 'pressbook'),
      report(reason, ro) {
        if (stryMutAct_9fa48("1282")) {
          {}
        } else {
          stryCov_9fa48("1282");
          report(ctx.vfile, ctx.current, reason, ro);
        }
      },
      fix(n) {
        if (stryMutAct_9fa48("1283")) {
          {}
        } else {
          stryCov_9fa48("1283");
          if (stryMutAct_9fa48("1285") ? false : stryMutAct_9fa48("1284") ? true : (stryCov_9fa48("1284", "1285"), n)) ctx.out.fixes[ctx.current] = stryMutAct_9fa48("1286") ? (ctx.out.fixes[ctx.current] ?? 0) - n : (stryCov_9fa48("1286"), (stryMutAct_9fa48("1287") ? ctx.out.fixes[ctx.current] && 0 : (stryCov_9fa48("1287"), ctx.out.fixes[ctx.current] ?? 0)) + n);
        }
      }
    });
    return ctx;
  }
}
export const hanOf = stryMutAct_9fa48("1288") ? () => undefined : (stryCov_9fa48("1288"), (() => {
  const hanOf = (lines: {
    text: string;
  }[]) => lines.reduce(stryMutAct_9fa48("1289") ? () => undefined : (stryCov_9fa48("1289"), (a, l) => stryMutAct_9fa48("1290") ? a - countHan(l.text) : (stryCov_9fa48("1290"), a + countHan(l.text))), 0);
  return hanOf;
})());

/** Han characters a rule accounted for since message `from`: removed text (`actual`) and handed-on bullets. */
export function hanReported(ctx: RuleContext, from: number, bulletsFrom: number): number {
  if (stryMutAct_9fa48("1291")) {
    {}
  } else {
    stryCov_9fa48("1291");
    let n = 0;
    const ms = ctx.vfile.messages;
    for (let i = from; stryMutAct_9fa48("1294") ? i >= ms.length : stryMutAct_9fa48("1293") ? i <= ms.length : stryMutAct_9fa48("1292") ? false : (stryCov_9fa48("1292", "1293", "1294"), i < ms.length); stryMutAct_9fa48("1295") ? i-- : (stryCov_9fa48("1295"), i++)) if (stryMutAct_9fa48("1297") ? false : stryMutAct_9fa48("1296") ? true : (stryCov_9fa48("1296", "1297"), ms[i]!.actual)) stryMutAct_9fa48("1298") ? n -= countHan(ms[i]!.actual!) : (stryCov_9fa48("1298"), n += countHan(ms[i]!.actual!));
    for (let i = bulletsFrom; stryMutAct_9fa48("1301") ? i >= ctx.out.bullets.length : stryMutAct_9fa48("1300") ? i <= ctx.out.bullets.length : stryMutAct_9fa48("1299") ? false : (stryCov_9fa48("1299", "1300", "1301"), i < ctx.out.bullets.length); stryMutAct_9fa48("1302") ? i-- : (stryCov_9fa48("1302"), i++)) stryMutAct_9fa48("1303") ? n -= countHan(ctx.out.bullets[i]!.text) : (stryCov_9fa48("1303"), n += countHan(ctx.out.bullets[i]!.text));
    return n;
  }
}

/**
 * Run one rule (when it applies) with `report`/`fix` attributed to it. `audit`: check that the
 * rule dropped no text silently — the Han characters it took out of the lines are those of its
 * messages' `actual` plus the headline bullets it handed on; otherwise an error message says so.
 * (`cleanLines` checks the whole chain at once and audits rule by rule only when it does not add up.)
 */
export function runRule(rule: CleaningRule, lines: Line[], ctx: RuleContext & {
  current: string;
}, audit = stryMutAct_9fa48("1304") ? true : (stryCov_9fa48("1304"), false)): Line[] {
  if (stryMutAct_9fa48("1305")) {
    {}
  } else {
    stryCov_9fa48("1305");
    if (stryMutAct_9fa48("1308") ? false : stryMutAct_9fa48("1307") ? true : stryMutAct_9fa48("1306") ? rule.applies(ctx) : (stryCov_9fa48("1306", "1307", "1308"), !rule.applies(ctx))) return lines;
    const prev = ctx.current;
    ctx.current = rule.name;
    const before = audit ? hanOf(lines) : 0;
    const from = ctx.vfile.messages.length;
    const bulletsFrom = ctx.out.bullets.length;
    try {
      if (stryMutAct_9fa48("1309")) {
        {}
      } else {
        stryCov_9fa48("1309");
        const out = rule.transform(lines, ctx);
        if (stryMutAct_9fa48("1311") ? false : stryMutAct_9fa48("1310") ? true : (stryCov_9fa48("1310", "1311"), audit)) {
          if (stryMutAct_9fa48("1312")) {
            {}
          } else {
            stryCov_9fa48("1312");
            const lost = stryMutAct_9fa48("1313") ? before - hanOf(out) + hanReported(ctx, from, bulletsFrom) : (stryCov_9fa48("1313"), (stryMutAct_9fa48("1314") ? before + hanOf(out) : (stryCov_9fa48("1314"), before - hanOf(out))) - hanReported(ctx, from, bulletsFrom));
            if (stryMutAct_9fa48("1317") ? lost === 0 : stryMutAct_9fa48("1316") ? false : stryMutAct_9fa48("1315") ? true : (stryCov_9fa48("1315", "1316", "1317"), lost !== 0)) report(ctx.vfile, rule.name, stryMutAct_9fa48("1318") ? `` : (stryCov_9fa48("1318"), `rule "${rule.name}" ${(stryMutAct_9fa48("1322") ? lost <= 0 : stryMutAct_9fa48("1321") ? lost >= 0 : stryMutAct_9fa48("1320") ? false : stryMutAct_9fa48("1319") ? true : (stryCov_9fa48("1319", "1320", "1321", "1322"), lost > 0)) ? stryMutAct_9fa48("1323") ? "" : (stryCov_9fa48("1323"), 'dropped') : stryMutAct_9fa48("1324") ? "" : (stryCov_9fa48("1324"), 'added')} ${Math.abs(lost)} Han character(s) without a message`), stryMutAct_9fa48("1325") ? {} : (stryCov_9fa48("1325"), {
              line: stryMutAct_9fa48("1326") ? lines[0]?.src && 1 : (stryCov_9fa48("1326"), (stryMutAct_9fa48("1327") ? lines[0].src : (stryCov_9fa48("1327"), lines[0]?.src)) ?? 1),
              severity: stryMutAct_9fa48("1328") ? "" : (stryCov_9fa48("1328"), 'error')
            }));
          }
        }
        return out;
      }
    } finally {
      if (stryMutAct_9fa48("1329")) {
        {}
      } else {
        stryCov_9fa48("1329");
        ctx.current = prev;
      }
    }
  }
}

/** The messages of a context as report entries (from message index `from` on). */
export function diagnosticsOf(ctx: RuleContext, from = 0): Diagnostic[] {
  if (stryMutAct_9fa48("1330")) {
    {}
  } else {
    stryCov_9fa48("1330");
    return stryMutAct_9fa48("1331") ? ctx.vfile.messages.map(m => toDiagnostic(m, ctx.file)) : (stryCov_9fa48("1331"), ctx.vfile.messages.slice(from).map(stryMutAct_9fa48("1332") ? () => undefined : (stryCov_9fa48("1332"), m => toDiagnostic(m, ctx.file))));
  }
}

/**
 * Run a single rule on its own and return the historical `RuleResult` (lines, report entries,
 * fix count) — the rule modules' standalone functions (`noise(lines, file)`, …) are built on it.
 */
export function applyRule(rule: CleaningRule, lines: Line[], file: string, o: ContextOptions = {}): RuleResult & {
  out: RuleOutputs;
} {
  if (stryMutAct_9fa48("1333")) {
    {}
  } else {
    stryCov_9fa48("1333");
    const ctx = createContext(file, o);
    const from = ctx.vfile.messages.length;
    const out = runRule(rule, lines, ctx, stryMutAct_9fa48("1334") ? false : (stryCov_9fa48("1334"), true));
    return stryMutAct_9fa48("1335") ? {} : (stryCov_9fa48("1335"), {
      lines: out,
      diags: diagnosticsOf(ctx, from),
      fixes: stryMutAct_9fa48("1336") ? ctx.out.fixes[rule.name] && 0 : (stryCov_9fa48("1336"), ctx.out.fixes[rule.name] ?? 0),
      out: ctx.out
    });
  }
}

/**
 * A rule that rewrites each line on its own: `fix` returns the new text and how many changes it
 * made; every changed line gets one info message at its source line.
 */
export function lineRule(name: string, description: string, applies: CleaningRule['applies'], fix: (text: string) => {
  text: string;
  count: number;
}, message: (count: number) => string): CleaningRule {
  if (stryMutAct_9fa48("1337")) {
    {}
  } else {
    stryCov_9fa48("1337");
    return stryMutAct_9fa48("1338") ? {} : (stryCov_9fa48("1338"), {
      name,
      stage: stryMutAct_9fa48("1339") ? "" : (stryCov_9fa48("1339"), 'characters'),
      description,
      applies,
      transform(lines, ctx) {
        if (stryMutAct_9fa48("1340")) {
          {}
        } else {
          stryCov_9fa48("1340");
          const out: Line[] = stryMutAct_9fa48("1341") ? ["Stryker was here"] : (stryCov_9fa48("1341"), []);
          for (const l of lines) {
            if (stryMutAct_9fa48("1342")) {
              {}
            } else {
              stryCov_9fa48("1342");
              const {
                text,
                count
              } = fix(l.text);
              if (stryMutAct_9fa48("1344") ? false : stryMutAct_9fa48("1343") ? true : (stryCov_9fa48("1343", "1344"), count)) {
                if (stryMutAct_9fa48("1345")) {
                  {}
                } else {
                  stryCov_9fa48("1345");
                  ctx.fix(count);
                  ctx.report(message(count), stryMutAct_9fa48("1346") ? {} : (stryCov_9fa48("1346"), {
                    line: l.src
                  }));
                }
              }
              out.push((stryMutAct_9fa48("1349") ? text !== l.text : stryMutAct_9fa48("1348") ? false : stryMutAct_9fa48("1347") ? true : (stryCov_9fa48("1347", "1348", "1349"), text === l.text)) ? l : stryMutAct_9fa48("1350") ? {} : (stryCov_9fa48("1350"), {
                text,
                src: l.src
              }));
            }
          }
          return out;
        }
      }
    });
  }
}
export type { Severity };