/**
 * spacing / desegment: remove stray spaces in Chinese text. A space survives only between two Latin
 * words ("Joe Biden", "COVID-19 vaccine") or two numbers; it never survives next to a Han character
 * or CJK punctuation ("将近 150个" → "将近150个", "2021年 3月" → "2021年3月", "24 KZ" → "24KZ").
 * The same core serves both rules: `desegment` for word-segmented sources, `spacing` for the rest.
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
import { isAsciiDigit, isCjk } from '../text.js';
import { applyRule, lineRule, type CleaningRule } from './rule.js';
import type { Line } from '../text.js';
const WIDE_SPACE = stryMutAct_9fa48("389") ? /[\u3000\u00a0\u2002-\u200a\u202f\u205f\t\f\V]/g : stryMutAct_9fa48("388") ? /[^\u3000\u00a0\u2002-\u200a\u202f\u205f\t\f\v]/g : (stryCov_9fa48("388", "389"), /[\u3000\u00a0\u2002-\u200a\u202f\u205f\t\f\v]/g);
const ZERO_WIDTH = stryMutAct_9fa48("390") ? /[^\u200b-\u200d\u2060\ufeff]/g : (stryCov_9fa48("390"), /[\u200b-\u200d\u2060\ufeff]/g);
function tokenHasLetter(s: string, from: number, step: 1 | -1): boolean {
  if (stryMutAct_9fa48("391")) {
    {}
  } else {
    stryCov_9fa48("391");
    for (let i = from; stryMutAct_9fa48("393") ? i >= 0 || i < s.length : stryMutAct_9fa48("392") ? false : (stryCov_9fa48("392", "393"), (stryMutAct_9fa48("396") ? i < 0 : stryMutAct_9fa48("395") ? i > 0 : stryMutAct_9fa48("394") ? true : (stryCov_9fa48("394", "395", "396"), i >= 0)) && (stryMutAct_9fa48("399") ? i >= s.length : stryMutAct_9fa48("398") ? i <= s.length : stryMutAct_9fa48("397") ? true : (stryCov_9fa48("397", "398", "399"), i < s.length))); stryMutAct_9fa48("400") ? i -= step : (stryCov_9fa48("400"), i += step)) {
      if (stryMutAct_9fa48("401")) {
        {}
      } else {
        stryCov_9fa48("401");
        const ch = s[i]!;
        if (stryMutAct_9fa48("404") ? ch === ' ' && isCjk(ch) : stryMutAct_9fa48("403") ? false : stryMutAct_9fa48("402") ? true : (stryCov_9fa48("402", "403", "404"), (stryMutAct_9fa48("406") ? ch !== ' ' : stryMutAct_9fa48("405") ? false : (stryCov_9fa48("405", "406"), ch === (stryMutAct_9fa48("407") ? "" : (stryCov_9fa48("407"), ' ')))) || isCjk(ch))) return stryMutAct_9fa48("408") ? true : (stryCov_9fa48("408"), false);
        if (stryMutAct_9fa48("410") ? false : stryMutAct_9fa48("409") ? true : (stryCov_9fa48("409", "410"), (stryMutAct_9fa48("411") ? /[^A-Za-z\u00c0-\u024f]/ : (stryCov_9fa48("411"), /[A-Za-z\u00c0-\u024f]/)).test(ch))) return stryMutAct_9fa48("412") ? false : (stryCov_9fa48("412"), true);
      }
    }
    return stryMutAct_9fa48("413") ? true : (stryCov_9fa48("413"), false);
  }
}
const FRAGMENT_CH = stryMutAct_9fa48("414") ? /[^0-9A-Za-z.]/ : (stryCov_9fa48("414"), /[0-9A-Za-z.]/);

/** the run of ASCII letters, digits and dots ending before `end` (exclusive) or starting at `start` */
function fragmentBefore(s: string, end: number): string {
  if (stryMutAct_9fa48("415")) {
    {}
  } else {
    stryCov_9fa48("415");
    let i = end;
    while (stryMutAct_9fa48("417") ? i > 0 || FRAGMENT_CH.test(s[i - 1]!) : stryMutAct_9fa48("416") ? false : (stryCov_9fa48("416", "417"), (stryMutAct_9fa48("420") ? i <= 0 : stryMutAct_9fa48("419") ? i >= 0 : stryMutAct_9fa48("418") ? true : (stryCov_9fa48("418", "419", "420"), i > 0)) && FRAGMENT_CH.test(s[stryMutAct_9fa48("421") ? i + 1 : (stryCov_9fa48("421"), i - 1)]!))) stryMutAct_9fa48("422") ? i++ : (stryCov_9fa48("422"), i--);
    return stryMutAct_9fa48("423") ? s : (stryCov_9fa48("423"), s.slice(i, end));
  }
}
function fragmentAfter(s: string, start: number): string {
  if (stryMutAct_9fa48("424")) {
    {}
  } else {
    stryCov_9fa48("424");
    let j = start;
    while (stryMutAct_9fa48("426") ? j < s.length || FRAGMENT_CH.test(s[j]!) : stryMutAct_9fa48("425") ? false : (stryCov_9fa48("425", "426"), (stryMutAct_9fa48("429") ? j >= s.length : stryMutAct_9fa48("428") ? j <= s.length : stryMutAct_9fa48("427") ? true : (stryCov_9fa48("427", "428", "429"), j < s.length)) && FRAGMENT_CH.test(s[j]!))) stryMutAct_9fa48("430") ? j-- : (stryCov_9fa48("430"), j++);
    return stryMutAct_9fa48("431") ? s : (stryCov_9fa48("431"), s.slice(start, j));
  }
}
const DIGITS = stryMutAct_9fa48("435") ? /^[^0-9]+$/ : stryMutAct_9fa48("434") ? /^[0-9]$/ : stryMutAct_9fa48("433") ? /^[0-9]+/ : stryMutAct_9fa48("432") ? /[0-9]+$/ : (stryCov_9fa48("432", "433", "434", "435"), /^[0-9]+$/);
/** an English word: letters with at least one lowercase letter ("Windows", "billion") */
const WORD = stryMutAct_9fa48("442") ? /^[A-Za-z]*[a-z][^A-Za-z]*$/ : stryMutAct_9fa48("441") ? /^[A-Za-z]*[a-z][A-Za-z]$/ : stryMutAct_9fa48("440") ? /^[A-Za-z]*[^a-z][A-Za-z]*$/ : stryMutAct_9fa48("439") ? /^[^A-Za-z]*[a-z][A-Za-z]*$/ : stryMutAct_9fa48("438") ? /^[A-Za-z][a-z][A-Za-z]*$/ : stryMutAct_9fa48("437") ? /^[A-Za-z]*[a-z][A-Za-z]*/ : stryMutAct_9fa48("436") ? /[A-Za-z]*[a-z][A-Za-z]*$/ : (stryCov_9fa48("436", "437", "438", "439", "440", "441", "442"), /^[A-Za-z]*[a-z][A-Za-z]*$/);
/** a piece of a number: digits, a decimal point, digits with a decimal point */
const NUMBERISH = stryMutAct_9fa48("451") ? /^(?:[0-9]+(?:\.[0-9]*)?|\.[^0-9]*)$/ : stryMutAct_9fa48("450") ? /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9])$/ : stryMutAct_9fa48("449") ? /^(?:[0-9]+(?:\.[^0-9]*)?|\.[0-9]*)$/ : stryMutAct_9fa48("448") ? /^(?:[0-9]+(?:\.[0-9])?|\.[0-9]*)$/ : stryMutAct_9fa48("447") ? /^(?:[0-9]+(?:\.[0-9]*)|\.[0-9]*)$/ : stryMutAct_9fa48("446") ? /^(?:[^0-9]+(?:\.[0-9]*)?|\.[0-9]*)$/ : stryMutAct_9fa48("445") ? /^(?:[0-9](?:\.[0-9]*)?|\.[0-9]*)$/ : stryMutAct_9fa48("444") ? /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]*)/ : stryMutAct_9fa48("443") ? /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]*)$/ : (stryCov_9fa48("443", "444", "445", "446", "447", "448", "449", "450", "451"), /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]*)$/);

/** a code: capitals, digits and decimal points, no lowercase letter ("RCEP", "G20", "III", "2008", "3.5") */
const CODE = stryMutAct_9fa48("455") ? /^[^A-Z0-9.]+$/ : stryMutAct_9fa48("454") ? /^[A-Z0-9.]$/ : stryMutAct_9fa48("453") ? /^[A-Z0-9.]+/ : stryMutAct_9fa48("452") ? /[A-Z0-9.]+$/ : (stryCov_9fa48("452", "453", "454", "455"), /^[A-Z0-9.]+$/);

/**
 * In word-segmented text, is the single space between fragments `a` and `b` (both ASCII letters,
 * digits or dots) a segmentation space inside one token? A segmenter splits "2008" into
 * "2 00 8", "RCEP" into "R CEP", "III" into "II I", "5G" into "5 G"; it never cuts an English word
 * into pieces, so a fragment with a lowercase letter is a word and its spaces are real ("Belt and
 * Road", "Joe Biden", "Windows 10"). Two codes (capitals, digits, decimal points) join.
 * Limit: two all-capital acronyms side by side ("APEC CEO") are joined too; in Chinese prose
 * such neighbours are separated by "、" or "和".
 */
export function joinsFragments(a: string, b: string): boolean {
  if (stryMutAct_9fa48("456")) {
    {}
  } else {
    stryCov_9fa48("456");
    if (stryMutAct_9fa48("459") ? !a && !b : stryMutAct_9fa48("458") ? false : stryMutAct_9fa48("457") ? true : (stryCov_9fa48("457", "458", "459"), (stryMutAct_9fa48("460") ? a : (stryCov_9fa48("460"), !a)) || (stryMutAct_9fa48("461") ? b : (stryCov_9fa48("461"), !b)))) return stryMutAct_9fa48("462") ? true : (stryCov_9fa48("462"), false);
    if (stryMutAct_9fa48("465") ? NUMBERISH.test(a) || NUMBERISH.test(b) : stryMutAct_9fa48("464") ? false : stryMutAct_9fa48("463") ? true : (stryCov_9fa48("463", "464", "465"), NUMBERISH.test(a) && NUMBERISH.test(b))) return stryMutAct_9fa48("466") ? false : (stryCov_9fa48("466"), true);
    return stryMutAct_9fa48("469") ? CODE.test(a) && CODE.test(b) || !(a.endsWith('.') && b.startsWith('.')) : stryMutAct_9fa48("468") ? false : stryMutAct_9fa48("467") ? true : (stryCov_9fa48("467", "468", "469"), (stryMutAct_9fa48("471") ? CODE.test(a) || CODE.test(b) : stryMutAct_9fa48("470") ? true : (stryCov_9fa48("470", "471"), CODE.test(a) && CODE.test(b))) && (stryMutAct_9fa48("472") ? a.endsWith('.') && b.startsWith('.') : (stryCov_9fa48("472"), !(stryMutAct_9fa48("475") ? a.endsWith('.') || b.startsWith('.') : stryMutAct_9fa48("474") ? false : stryMutAct_9fa48("473") ? true : (stryCov_9fa48("473", "474", "475"), (stryMutAct_9fa48("476") ? a.startsWith('.') : (stryCov_9fa48("476"), a.endsWith(stryMutAct_9fa48("477") ? "" : (stryCov_9fa48("477"), '.')))) && (stryMutAct_9fa48("478") ? b.endsWith('.') : (stryCov_9fa48("478"), b.startsWith(stryMutAct_9fa48("479") ? "" : (stryCov_9fa48("479"), '.')))))))));
  }
}

/**
 * Collapse spaces in one line; returns the new text and how many space runs were removed/shrunk.
 * `segmented`: the line comes from word-segmented text, where a single space between ASCII
 * fragments may split one token (see `joinsFragments`).
 */
export function collapseSpaces(input: string, segmented = stryMutAct_9fa48("480") ? true : (stryCov_9fa48("480"), false)): {
  text: string;
  removed: number;
} {
  if (stryMutAct_9fa48("481")) {
    {}
  } else {
    stryCov_9fa48("481");
    let removed = 0;
    let s = input.replace(ZERO_WIDTH, () => {
      if (stryMutAct_9fa48("482")) {
        {}
      } else {
        stryCov_9fa48("482");
        stryMutAct_9fa48("483") ? removed-- : (stryCov_9fa48("483"), removed++);
        return stryMutAct_9fa48("484") ? "Stryker was here!" : (stryCov_9fa48("484"), '');
      }
    });
    s = s.replace(WIDE_SPACE, stryMutAct_9fa48("485") ? "" : (stryCov_9fa48("485"), ' '));
    const trimmed = stryMutAct_9fa48("486") ? s : (stryCov_9fa48("486"), s.trim());
    if (stryMutAct_9fa48("490") ? trimmed.indexOf(' ') >= 0 : stryMutAct_9fa48("489") ? trimmed.indexOf(' ') <= 0 : stryMutAct_9fa48("488") ? false : stryMutAct_9fa48("487") ? true : (stryCov_9fa48("487", "488", "489", "490"), trimmed.indexOf(stryMutAct_9fa48("491") ? "" : (stryCov_9fa48("491"), ' ')) < 0)) return stryMutAct_9fa48("492") ? {} : (stryCov_9fa48("492"), {
      text: trimmed,
      removed
    });
    let out = stryMutAct_9fa48("493") ? "Stryker was here!" : (stryCov_9fa48("493"), '');
    const n = trimmed.length;
    let i = 0;
    while (stryMutAct_9fa48("496") ? i >= n : stryMutAct_9fa48("495") ? i <= n : stryMutAct_9fa48("494") ? false : (stryCov_9fa48("494", "495", "496"), i < n)) {
      if (stryMutAct_9fa48("497")) {
        {}
      } else {
        stryCov_9fa48("497");
        const ch = trimmed[i]!;
        if (stryMutAct_9fa48("500") ? ch === ' ' : stryMutAct_9fa48("499") ? false : stryMutAct_9fa48("498") ? true : (stryCov_9fa48("498", "499", "500"), ch !== (stryMutAct_9fa48("501") ? "" : (stryCov_9fa48("501"), ' ')))) {
          if (stryMutAct_9fa48("502")) {
            {}
          } else {
            stryCov_9fa48("502");
            stryMutAct_9fa48("503") ? out -= ch : (stryCov_9fa48("503"), out += ch);
            stryMutAct_9fa48("504") ? i-- : (stryCov_9fa48("504"), i++);
            continue;
          }
        }
        let j = i;
        while (stryMutAct_9fa48("506") ? j < n || trimmed[j] === ' ' : stryMutAct_9fa48("505") ? false : (stryCov_9fa48("505", "506"), (stryMutAct_9fa48("509") ? j >= n : stryMutAct_9fa48("508") ? j <= n : stryMutAct_9fa48("507") ? true : (stryCov_9fa48("507", "508", "509"), j < n)) && (stryMutAct_9fa48("511") ? trimmed[j] !== ' ' : stryMutAct_9fa48("510") ? true : (stryCov_9fa48("510", "511"), trimmed[j] === (stryMutAct_9fa48("512") ? "" : (stryCov_9fa48("512"), ' ')))))) stryMutAct_9fa48("513") ? j-- : (stryCov_9fa48("513"), j++);
        const L = trimmed[stryMutAct_9fa48("514") ? i + 1 : (stryCov_9fa48("514"), i - 1)];
        const R = trimmed[j];
        let keep = stryMutAct_9fa48("515") ? true : (stryCov_9fa48("515"), false);
        if (stryMutAct_9fa48("518") ? !isCjk(L) || !isCjk(R) : stryMutAct_9fa48("517") ? false : stryMutAct_9fa48("516") ? true : (stryCov_9fa48("516", "517", "518"), (stryMutAct_9fa48("519") ? isCjk(L) : (stryCov_9fa48("519"), !isCjk(L))) && (stryMutAct_9fa48("520") ? isCjk(R) : (stryCov_9fa48("520"), !isCjk(R))))) {
          if (stryMutAct_9fa48("521")) {
            {}
          } else {
            stryCov_9fa48("521");
            if (stryMutAct_9fa48("524") ? segmented && j - i === 1 && L !== undefined && R !== undefined || joinsFragments(fragmentBefore(trimmed, i), fragmentAfter(trimmed, j)) : stryMutAct_9fa48("523") ? false : stryMutAct_9fa48("522") ? true : (stryCov_9fa48("522", "523", "524"), (stryMutAct_9fa48("526") ? segmented && j - i === 1 && L !== undefined || R !== undefined : stryMutAct_9fa48("525") ? true : (stryCov_9fa48("525", "526"), (stryMutAct_9fa48("528") ? segmented && j - i === 1 || L !== undefined : stryMutAct_9fa48("527") ? true : (stryCov_9fa48("527", "528"), (stryMutAct_9fa48("530") ? segmented || j - i === 1 : stryMutAct_9fa48("529") ? true : (stryCov_9fa48("529", "530"), segmented && (stryMutAct_9fa48("532") ? j - i !== 1 : stryMutAct_9fa48("531") ? true : (stryCov_9fa48("531", "532"), (stryMutAct_9fa48("533") ? j + i : (stryCov_9fa48("533"), j - i)) === 1)))) && (stryMutAct_9fa48("535") ? L === undefined : stryMutAct_9fa48("534") ? true : (stryCov_9fa48("534", "535"), L !== undefined)))) && (stryMutAct_9fa48("537") ? R === undefined : stryMutAct_9fa48("536") ? true : (stryCov_9fa48("536", "537"), R !== undefined)))) && joinsFragments(fragmentBefore(trimmed, i), fragmentAfter(trimmed, j)))) keep = stryMutAct_9fa48("538") ? true : (stryCov_9fa48("538"), false);else if (stryMutAct_9fa48("541") ? isAsciiDigit(L) || isAsciiDigit(R) : stryMutAct_9fa48("540") ? false : stryMutAct_9fa48("539") ? true : (stryCov_9fa48("539", "540", "541"), isAsciiDigit(L) && isAsciiDigit(R))) keep = stryMutAct_9fa48("542") ? false : (stryCov_9fa48("542"), true);else {
              if (stryMutAct_9fa48("543")) {
                {}
              } else {
                stryCov_9fa48("543");
                const lw = fragmentBefore(trimmed, i);
                const rw = fragmentAfter(trimmed, j);
                // two words ("Joe Biden"), or a word and a number ("Windows 10", "2 billion")
                keep = stryMutAct_9fa48("546") ? (tokenHasLetter(trimmed, i - 1, -1) && tokenHasLetter(trimmed, j, 1) || WORD.test(lw) && DIGITS.test(rw)) && DIGITS.test(lw) && WORD.test(rw) : stryMutAct_9fa48("545") ? false : stryMutAct_9fa48("544") ? true : (stryCov_9fa48("544", "545", "546"), (stryMutAct_9fa48("548") ? tokenHasLetter(trimmed, i - 1, -1) && tokenHasLetter(trimmed, j, 1) && WORD.test(lw) && DIGITS.test(rw) : stryMutAct_9fa48("547") ? false : (stryCov_9fa48("547", "548"), (stryMutAct_9fa48("550") ? tokenHasLetter(trimmed, i - 1, -1) || tokenHasLetter(trimmed, j, 1) : stryMutAct_9fa48("549") ? false : (stryCov_9fa48("549", "550"), tokenHasLetter(trimmed, stryMutAct_9fa48("551") ? i + 1 : (stryCov_9fa48("551"), i - 1), stryMutAct_9fa48("552") ? +1 : (stryCov_9fa48("552"), -1)) && tokenHasLetter(trimmed, j, 1))) || (stryMutAct_9fa48("554") ? WORD.test(lw) || DIGITS.test(rw) : stryMutAct_9fa48("553") ? false : (stryCov_9fa48("553", "554"), WORD.test(lw) && DIGITS.test(rw))))) || (stryMutAct_9fa48("556") ? DIGITS.test(lw) || WORD.test(rw) : stryMutAct_9fa48("555") ? false : (stryCov_9fa48("555", "556"), DIGITS.test(lw) && WORD.test(rw))));
              }
            }
          }
        }
        if (stryMutAct_9fa48("558") ? false : stryMutAct_9fa48("557") ? true : (stryCov_9fa48("557", "558"), keep)) {
          if (stryMutAct_9fa48("559")) {
            {}
          } else {
            stryCov_9fa48("559");
            out += stryMutAct_9fa48("560") ? "" : (stryCov_9fa48("560"), ' ');
            if (stryMutAct_9fa48("564") ? j - i <= 1 : stryMutAct_9fa48("563") ? j - i >= 1 : stryMutAct_9fa48("562") ? false : stryMutAct_9fa48("561") ? true : (stryCov_9fa48("561", "562", "563", "564"), (stryMutAct_9fa48("565") ? j + i : (stryCov_9fa48("565"), j - i)) > 1)) stryMutAct_9fa48("566") ? removed-- : (stryCov_9fa48("566"), removed++);
          }
        } else stryMutAct_9fa48("567") ? removed-- : (stryCov_9fa48("567"), removed++);
        i = j;
      }
    }
    return stryMutAct_9fa48("568") ? {} : (stryCov_9fa48("568"), {
      text: out,
      removed
    });
  }
}
function makeSpacingRule(name: 'spacing' | 'desegment', description: string, segmented: boolean, message: string): CleaningRule {
  if (stryMutAct_9fa48("569")) {
    {}
  } else {
    stryCov_9fa48("569");
    return lineRule(name, description, stryMutAct_9fa48("570") ? () => undefined : (stryCov_9fa48("570"), ctx => stryMutAct_9fa48("573") ? ctx.layout.base === 'segmented' !== segmented : stryMutAct_9fa48("572") ? false : stryMutAct_9fa48("571") ? true : (stryCov_9fa48("571", "572", "573"), (stryMutAct_9fa48("576") ? ctx.layout.base !== 'segmented' : stryMutAct_9fa48("575") ? false : stryMutAct_9fa48("574") ? true : (stryCov_9fa48("574", "575", "576"), ctx.layout.base === (stryMutAct_9fa48("577") ? "" : (stryCov_9fa48("577"), 'segmented')))) === segmented)), t => {
      if (stryMutAct_9fa48("578")) {
        {}
      } else {
        stryCov_9fa48("578");
        const {
          text,
          removed
        } = collapseSpaces(t, segmented);
        return stryMutAct_9fa48("579") ? {} : (stryCov_9fa48("579"), {
          text,
          count: removed
        });
      }
    }, stryMutAct_9fa48("580") ? () => undefined : (stryCov_9fa48("580"), n => stryMutAct_9fa48("581") ? `` : (stryCov_9fa48("581"), `${message} (${n})`)));
  }
}
export const spacingRule = makeSpacingRule(stryMutAct_9fa48("582") ? "" : (stryCov_9fa48("582"), 'spacing'), stryMutAct_9fa48("583") ? "" : (stryCov_9fa48("583"), 'stray spaces and wide blanks removed; a space stays only between Latin words or numbers'), stryMutAct_9fa48("584") ? true : (stryCov_9fa48("584"), false), stryMutAct_9fa48("585") ? "" : (stryCov_9fa48("585"), 'removed stray spaces'));
/** Word-segmented text: spaces between tokens; tokens split by the segmenter joined again. */
export const desegmentRule = makeSpacingRule(stryMutAct_9fa48("586") ? "" : (stryCov_9fa48("586"), 'desegment'), stryMutAct_9fa48("587") ? "" : (stryCov_9fa48("587"), 'word-segmented text joined: spaces between tokens removed, split digits and Latin tokens joined'), stryMutAct_9fa48("588") ? false : (stryCov_9fa48("588"), true), stryMutAct_9fa48("589") ? "" : (stryCov_9fa48("589"), 'joined word-segmented tokens'));
export const spacing = stryMutAct_9fa48("590") ? () => undefined : (stryCov_9fa48("590"), (() => {
  const spacing = (lines: Line[], file: string) => applyRule(spacingRule, lines, file, stryMutAct_9fa48("591") ? {} : (stryCov_9fa48("591"), {
    layout: stryMutAct_9fa48("592") ? {} : (stryCov_9fa48("592"), {
      base: stryMutAct_9fa48("593") ? "" : (stryCov_9fa48("593"), 'paragraphs'),
      digestHead: stryMutAct_9fa48("594") ? true : (stryCov_9fa48("594"), false)
    })
  }));
  return spacing;
})());
export const desegment = stryMutAct_9fa48("595") ? () => undefined : (stryCov_9fa48("595"), (() => {
  const desegment = (lines: Line[], file: string) => applyRule(desegmentRule, lines, file, stryMutAct_9fa48("596") ? {} : (stryCov_9fa48("596"), {
    layout: stryMutAct_9fa48("597") ? {} : (stryCov_9fa48("597"), {
      base: stryMutAct_9fa48("598") ? "" : (stryCov_9fa48("598"), 'segmented'),
      digestHead: stryMutAct_9fa48("599") ? true : (stryCov_9fa48("599"), false)
    })
  }));
  return desegment;
})());