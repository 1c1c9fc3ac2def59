/**
 * The cleaning rules and their order, declared in one place. Each rule is one module with one
 * interface (`CleaningRule`: name, stage, when it applies, a transform reporting through vfile
 * messages). `cleanLines` runs them in this order on one source.
 *
 *   characters: desegment | spacing → punctuation
 *   (speaker labels detected)
 *   lines:      noise → head → separator
 *   paragraphs: reflow → corruption
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
import type { Line } from '../text.js';
import { detectSpeakers, matchLabel, NARRATION_START } from '../labels.js';
import { createContext, hanOf, hanReported, runRule, type CleaningRule, type RuleContext } from './rule.js';
import { desegmentRule, spacingRule } from './spacing.js';
import { punctuationRule } from './punctuation.js';
import { noiseRule } from './noise.js';
import { headRule } from './head.js';
import { reflowRule } from './reflow.js';
import { corruptionRule } from './corruption.js';
import { separatorRule } from './separator.js';
export const RULES: readonly CleaningRule[] = stryMutAct_9fa48("407") ? [] : (stryCov_9fa48("407"), [desegmentRule, spacingRule, punctuationRule, noiseRule, headRule, separatorRule, reflowRule, corruptionRule]);
const STAGES = ['characters', 'lines', 'paragraphs'] as const;
export interface CleanLinesResult {
  /** paragraphs (or, for a digest, the cleaned lines) */
  lines: Line[];
  ctx: RuleContext;
}

/**
 * Run every rule that applies, in registry order, on the lines of one source. Messages go to
 * `vfile`; speaker labels are detected once the character rules have run.
 */
export function cleanLines(lines: Line[], file: string, layout: Pick<LayoutInfo, 'base' | 'digestHead'>, vfile?: VFile, rules: readonly CleaningRule[] = RULES): CleanLinesResult {
  if (stryMutAct_9fa48("408")) {
    {}
  } else {
    stryCov_9fa48("408");
    const c0 = createContext(file, stryMutAct_9fa48("409") ? {} : (stryCov_9fa48("409"), {
      vfile,
      layout
    }));
    const from = c0.vfile.messages.length;
    const ctx = run(lines, c0, rules, stryMutAct_9fa48("410") ? true : (stryCov_9fa48("410"), false));
    // no rule may drop text without a message: check the chain, and find the culprit only if needed
    const lost = stryMutAct_9fa48("411") ? hanOf(lines) - hanOf(ctx.lines) + hanReported(ctx.ctx, from, 0) : (stryCov_9fa48("411"), (stryMutAct_9fa48("412") ? hanOf(lines) + hanOf(ctx.lines) : (stryCov_9fa48("412"), hanOf(lines) - hanOf(ctx.lines))) - hanReported(ctx.ctx, from, 0));
    if (stryMutAct_9fa48("415") ? lost === 0 : stryMutAct_9fa48("414") ? false : stryMutAct_9fa48("413") ? true : (stryCov_9fa48("413", "414", "415"), lost !== 0)) {
      if (stryMutAct_9fa48("416")) {
        {}
      } else {
        stryCov_9fa48("416");
        const audit = run(lines, createContext(file, stryMutAct_9fa48("417") ? {} : (stryCov_9fa48("417"), {
          layout
        })), rules, stryMutAct_9fa48("418") ? false : (stryCov_9fa48("418"), true));
        const errors = stryMutAct_9fa48("419") ? audit.ctx.vfile.messages : (stryCov_9fa48("419"), audit.ctx.vfile.messages.filter(stryMutAct_9fa48("420") ? () => undefined : (stryCov_9fa48("420"), m => stryMutAct_9fa48("423") ? m.fatal !== true : stryMutAct_9fa48("422") ? false : stryMutAct_9fa48("421") ? true : (stryCov_9fa48("421", "422", "423"), m.fatal === (stryMutAct_9fa48("424") ? false : (stryCov_9fa48("424"), true))))));
        for (const m of errors) ctx.ctx.vfile.messages.push(m);
        if (stryMutAct_9fa48("427") ? false : stryMutAct_9fa48("426") ? true : stryMutAct_9fa48("425") ? errors.length : (stryCov_9fa48("425", "426", "427"), !errors.length)) ctx.ctx.report(stryMutAct_9fa48("428") ? `` : (stryCov_9fa48("428"), `the rules ${(stryMutAct_9fa48("432") ? lost <= 0 : stryMutAct_9fa48("431") ? lost >= 0 : stryMutAct_9fa48("430") ? false : stryMutAct_9fa48("429") ? true : (stryCov_9fa48("429", "430", "431", "432"), lost > 0)) ? stryMutAct_9fa48("433") ? "" : (stryCov_9fa48("433"), 'dropped') : stryMutAct_9fa48("434") ? "" : (stryCov_9fa48("434"), 'added')} ${Math.abs(lost)} Han character(s) without a message`), stryMutAct_9fa48("435") ? {} : (stryCov_9fa48("435"), {
          line: stryMutAct_9fa48("436") ? lines[0]?.src && 1 : (stryCov_9fa48("436"), (stryMutAct_9fa48("437") ? lines[0].src : (stryCov_9fa48("437"), lines[0]?.src)) ?? 1),
          severity: stryMutAct_9fa48("438") ? "" : (stryCov_9fa48("438"), 'error')
        }));
      }
    }
    return ctx;
  }
}
function run(lines: Line[], ctx: ReturnType<typeof createContext>, rules: readonly CleaningRule[], audit: boolean): CleanLinesResult & {
  ctx: ReturnType<typeof createContext>;
} {
  if (stryMutAct_9fa48("439")) {
    {}
  } else {
    stryCov_9fa48("439");
    let cur = lines;
    let speakersFound = stryMutAct_9fa48("440") ? true : (stryCov_9fa48("440"), false);
    for (const rule of rules) {
      if (stryMutAct_9fa48("441")) {
        {}
      } else {
        stryCov_9fa48("441");
        if (stryMutAct_9fa48("444") ? !speakersFound || rule.stage !== 'characters' : stryMutAct_9fa48("443") ? false : stryMutAct_9fa48("442") ? true : (stryCov_9fa48("442", "443", "444"), (stryMutAct_9fa48("445") ? speakersFound : (stryCov_9fa48("445"), !speakersFound)) && (stryMutAct_9fa48("447") ? rule.stage === 'characters' : stryMutAct_9fa48("446") ? true : (stryCov_9fa48("446", "447"), rule.stage !== (stryMutAct_9fa48("448") ? "" : (stryCov_9fa48("448"), 'characters')))))) {
          if (stryMutAct_9fa48("449")) {
            {}
          } else {
            stryCov_9fa48("449");
            const speakers = detectSpeakers(cur);
            ctx.speakers = speakers;
            ctx.isBoundary = stryMutAct_9fa48("450") ? () => undefined : (stryCov_9fa48("450"), t => stryMutAct_9fa48("453") ? !!matchLabel(t, speakers) && NARRATION_START.test(t) : stryMutAct_9fa48("452") ? false : stryMutAct_9fa48("451") ? true : (stryCov_9fa48("451", "452", "453"), (stryMutAct_9fa48("454") ? !matchLabel(t, speakers) : (stryCov_9fa48("454"), !(stryMutAct_9fa48("455") ? matchLabel(t, speakers) : (stryCov_9fa48("455"), !matchLabel(t, speakers))))) || NARRATION_START.test(t)));
            speakersFound = stryMutAct_9fa48("456") ? false : (stryCov_9fa48("456"), true);
          }
        }
        cur = runRule(rule, cur, ctx, audit);
      }
    }
    return stryMutAct_9fa48("457") ? {} : (stryCov_9fa48("457"), {
      lines: cur,
      ctx
    });
  }
}

/** Rules must be declared stage by stage (characters → lines → paragraphs). */
export function checkOrder(rules: readonly CleaningRule[] = RULES): string[] {
  if (stryMutAct_9fa48("458")) {
    {}
  } else {
    stryCov_9fa48("458");
    const problems: string[] = stryMutAct_9fa48("459") ? ["Stryker was here"] : (stryCov_9fa48("459"), []);
    const names = new Set<string>();
    let stage = 0;
    for (const r of rules) {
      if (stryMutAct_9fa48("460")) {
        {}
      } else {
        stryCov_9fa48("460");
        if (stryMutAct_9fa48("462") ? false : stryMutAct_9fa48("461") ? true : (stryCov_9fa48("461", "462"), names.has(r.name))) problems.push(stryMutAct_9fa48("463") ? `` : (stryCov_9fa48("463"), `rule "${r.name}" declared twice`));
        names.add(r.name);
        const s = STAGES.indexOf(r.stage);
        if (stryMutAct_9fa48("467") ? s >= stage : stryMutAct_9fa48("466") ? s <= stage : stryMutAct_9fa48("465") ? false : stryMutAct_9fa48("464") ? true : (stryCov_9fa48("464", "465", "466", "467"), s < stage)) problems.push(stryMutAct_9fa48("468") ? `` : (stryCov_9fa48("468"), `rule "${r.name}" (${r.stage}) comes after a ${STAGES[stage]} rule`));
        stage = stryMutAct_9fa48("469") ? Math.min(stage, s) : (stryCov_9fa48("469"), Math.max(stage, s));
      }
    }
    return problems;
  }
}
export type { CleaningRule, RuleContext } from './rule.js';