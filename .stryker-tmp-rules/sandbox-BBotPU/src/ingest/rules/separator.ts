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
  if (stryMutAct_9fa48("1351")) {
    {}
  } else {
    stryCov_9fa48("1351");
    const out: Line[] = stryMutAct_9fa48("1352") ? ["Stryker was here"] : (stryCov_9fa48("1352"), []);
    let pending = stryMutAct_9fa48("1353") ? true : (stryCov_9fa48("1353"), false);
    for (const l of lines) {
      if (stryMutAct_9fa48("1354")) {
        {}
      } else {
        stryCov_9fa48("1354");
        if (stryMutAct_9fa48("1356") ? false : stryMutAct_9fa48("1355") ? true : (stryCov_9fa48("1355", "1356"), isSeparator(l.text))) {
          if (stryMutAct_9fa48("1357")) {
            {}
          } else {
            stryCov_9fa48("1357");
            ctx.report(stryMutAct_9fa48("1358") ? "" : (stryCov_9fa48("1358"), 'removed a separator line'), stryMutAct_9fa48("1359") ? {} : (stryCov_9fa48("1359"), {
              line: l.src,
              removed: stryMutAct_9fa48("1360") ? l.text : (stryCov_9fa48("1360"), l.text.trim()),
              severity: stryMutAct_9fa48("1361") ? "" : (stryCov_9fa48("1361"), 'info')
            }));
            ctx.fix(1);
            if (stryMutAct_9fa48("1364") ? out.length || out[out.length - 1]!.text !== '' : stryMutAct_9fa48("1363") ? false : stryMutAct_9fa48("1362") ? true : (stryCov_9fa48("1362", "1363", "1364"), out.length && (stryMutAct_9fa48("1366") ? out[out.length - 1]!.text === '' : stryMutAct_9fa48("1365") ? true : (stryCov_9fa48("1365", "1366"), out[stryMutAct_9fa48("1367") ? out.length + 1 : (stryCov_9fa48("1367"), out.length - 1)]!.text !== (stryMutAct_9fa48("1368") ? "Stryker was here!" : (stryCov_9fa48("1368"), '')))))) out.push(stryMutAct_9fa48("1369") ? {} : (stryCov_9fa48("1369"), {
              text: stryMutAct_9fa48("1370") ? "Stryker was here!" : (stryCov_9fa48("1370"), ''),
              src: l.src
            }));
            pending = stryMutAct_9fa48("1371") ? false : (stryCov_9fa48("1371"), true);
            continue;
          }
        }
        if (stryMutAct_9fa48("1374") ? pending || l.text.trim() !== '' : stryMutAct_9fa48("1373") ? false : stryMutAct_9fa48("1372") ? true : (stryCov_9fa48("1372", "1373", "1374"), pending && (stryMutAct_9fa48("1376") ? l.text.trim() === '' : stryMutAct_9fa48("1375") ? true : (stryCov_9fa48("1375", "1376"), (stryMutAct_9fa48("1377") ? l.text : (stryCov_9fa48("1377"), l.text.trim())) !== (stryMutAct_9fa48("1378") ? "Stryker was here!" : (stryCov_9fa48("1378"), '')))))) {
          if (stryMutAct_9fa48("1379")) {
            {}
          } else {
            stryCov_9fa48("1379");
            ctx.out.breaks.add(l.src);
            pending = stryMutAct_9fa48("1380") ? true : (stryCov_9fa48("1380"), false);
          }
        }
        out.push(l);
      }
    }
    return out;
  }
}
export const separatorRule: CleaningRule = stryMutAct_9fa48("1381") ? {} : (stryCov_9fa48("1381"), {
  name: stryMutAct_9fa48("1382") ? "" : (stryCov_9fa48("1382"), 'separator'),
  stage: stryMutAct_9fa48("1383") ? "" : (stryCov_9fa48("1383"), 'lines'),
  description: stryMutAct_9fa48("1384") ? "" : (stryCov_9fa48("1384"), 'separator lines ("*****") removed; the text after them starts a new turn'),
  applies: stryMutAct_9fa48("1385") ? () => undefined : (stryCov_9fa48("1385"), ctx => stryMutAct_9fa48("1388") ? ctx.layout.base === 'digest' : stryMutAct_9fa48("1387") ? false : stryMutAct_9fa48("1386") ? true : (stryCov_9fa48("1386", "1387", "1388"), ctx.layout.base !== (stryMutAct_9fa48("1389") ? "" : (stryCov_9fa48("1389"), 'digest')))),
  transform
});