/**
 * Separator lines ("*****", "———") between the questions and a notice at the end of a briefing:
 * removed (each reported with its text), with a paragraph break kept where they stood; the first
 * source line after a separator is handed on as a turn break (`ctx.out.breaks`), so the notice after
 * it is not glued to the last answer.
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
import type { Line } from '../text.js';
import { isSeparator } from '../labels.js';
import type { CleaningRule, RuleContext } from './rule.js';
function transform(lines: Line[], ctx: RuleContext): Line[] {
  if (stryMutAct_9fa48("349")) {
    {}
  } else {
    stryCov_9fa48("349");
    const out: Line[] = stryMutAct_9fa48("350") ? ["Stryker was here"] : (stryCov_9fa48("350"), []);
    let pending = stryMutAct_9fa48("351") ? true : (stryCov_9fa48("351"), false);
    for (const l of lines) {
      if (stryMutAct_9fa48("352")) {
        {}
      } else {
        stryCov_9fa48("352");
        if (stryMutAct_9fa48("354") ? false : stryMutAct_9fa48("353") ? true : (stryCov_9fa48("353", "354"), isSeparator(l.text))) {
          if (stryMutAct_9fa48("355")) {
            {}
          } else {
            stryCov_9fa48("355");
            ctx.report(stryMutAct_9fa48("356") ? "" : (stryCov_9fa48("356"), 'removed a separator line'), stryMutAct_9fa48("357") ? {} : (stryCov_9fa48("357"), {
              line: l.src,
              removed: stryMutAct_9fa48("358") ? l.text : (stryCov_9fa48("358"), l.text.trim()),
              severity: stryMutAct_9fa48("359") ? "" : (stryCov_9fa48("359"), 'info')
            }));
            ctx.fix(1);
            if (stryMutAct_9fa48("362") ? out.length || out[out.length - 1]!.text !== '' : stryMutAct_9fa48("361") ? false : stryMutAct_9fa48("360") ? true : (stryCov_9fa48("360", "361", "362"), out.length && (stryMutAct_9fa48("364") ? out[out.length - 1]!.text === '' : stryMutAct_9fa48("363") ? true : (stryCov_9fa48("363", "364"), out[stryMutAct_9fa48("365") ? out.length + 1 : (stryCov_9fa48("365"), out.length - 1)]!.text !== (stryMutAct_9fa48("366") ? "Stryker was here!" : (stryCov_9fa48("366"), '')))))) out.push(stryMutAct_9fa48("367") ? {} : (stryCov_9fa48("367"), {
              text: stryMutAct_9fa48("368") ? "Stryker was here!" : (stryCov_9fa48("368"), ''),
              src: l.src
            }));
            pending = stryMutAct_9fa48("369") ? false : (stryCov_9fa48("369"), true);
            continue;
          }
        }
        if (stryMutAct_9fa48("372") ? pending || l.text.trim() !== '' : stryMutAct_9fa48("371") ? false : stryMutAct_9fa48("370") ? true : (stryCov_9fa48("370", "371", "372"), pending && (stryMutAct_9fa48("374") ? l.text.trim() === '' : stryMutAct_9fa48("373") ? true : (stryCov_9fa48("373", "374"), (stryMutAct_9fa48("375") ? l.text : (stryCov_9fa48("375"), l.text.trim())) !== (stryMutAct_9fa48("376") ? "Stryker was here!" : (stryCov_9fa48("376"), '')))))) {
          if (stryMutAct_9fa48("377")) {
            {}
          } else {
            stryCov_9fa48("377");
            ctx.out.breaks.add(l.src);
            pending = stryMutAct_9fa48("378") ? true : (stryCov_9fa48("378"), false);
          }
        }
        out.push(l);
      }
    }
    return out;
  }
}
export const separatorRule: CleaningRule = stryMutAct_9fa48("379") ? {} : (stryCov_9fa48("379"), {
  name: stryMutAct_9fa48("380") ? "" : (stryCov_9fa48("380"), 'separator'),
  stage: stryMutAct_9fa48("381") ? "" : (stryCov_9fa48("381"), 'lines'),
  description: stryMutAct_9fa48("382") ? "" : (stryCov_9fa48("382"), 'separator lines ("*****") removed; the text after them starts a new turn'),
  applies: stryMutAct_9fa48("383") ? () => undefined : (stryCov_9fa48("383"), ctx => stryMutAct_9fa48("386") ? ctx.layout.base === 'digest' : stryMutAct_9fa48("385") ? false : stryMutAct_9fa48("384") ? true : (stryCov_9fa48("384", "385", "386"), ctx.layout.base !== (stryMutAct_9fa48("387") ? "" : (stryCov_9fa48("387"), 'digest')))),
  transform
});