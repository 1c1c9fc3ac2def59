/**
 * punctuation: half-width marks inside Chinese text become full-width (, ; : ? ! ( )), without
 * touching numbers (2.5亿, 10+3, 5G, 1,000, 15:00); one style for quotes (“ ” ‘ ’), dashes (——)
 * and ellipses (……); full-width Latin letters and digits become ASCII.
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
import { isAsciiDigit, isCjk, type Line } from '../text.js';
import { applyRule, lineRule } from './rule.js';
const MAP: Record<string, string> = stryMutAct_9fa48("854") ? {} : (stryCov_9fa48("854"), {
  ',': stryMutAct_9fa48("855") ? "" : (stryCov_9fa48("855"), '，'),
  ';': stryMutAct_9fa48("856") ? "" : (stryCov_9fa48("856"), '；'),
  ':': stryMutAct_9fa48("857") ? "" : (stryCov_9fa48("857"), '：'),
  '?': stryMutAct_9fa48("858") ? "" : (stryCov_9fa48("858"), '？'),
  '!': stryMutAct_9fa48("859") ? "" : (stryCov_9fa48("859"), '！'),
  '(': stryMutAct_9fa48("860") ? "" : (stryCov_9fa48("860"), '（'),
  ')': stryMutAct_9fa48("861") ? "" : (stryCov_9fa48("861"), '）')
});
const CANDIDATE = stryMutAct_9fa48("862") ? /[^\uff10-\uff19\uff21-\uff3a\uff41-\uff5a「」『』\-—–─━－…",;:?!()]|\.\.\.|。。。/ : (stryCov_9fa48("862"), /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a「」『』\-—–─━－…",;:?!()]|\.\.\.|。。。/);
export function normalizePunctuation(input: string): {
  text: string;
  changes: number;
} {
  if (stryMutAct_9fa48("863")) {
    {}
  } else {
    stryCov_9fa48("863");
    if (stryMutAct_9fa48("866") ? false : stryMutAct_9fa48("865") ? true : stryMutAct_9fa48("864") ? CANDIDATE.test(input) : (stryCov_9fa48("864", "865", "866"), !CANDIDATE.test(input))) return stryMutAct_9fa48("867") ? {} : (stryCov_9fa48("867"), {
      text: input,
      changes: 0
    });
    let changes = 0;
    // full-width ASCII letters and digits → ASCII
    let s = input.replace(stryMutAct_9fa48("868") ? /[^\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g : (stryCov_9fa48("868"), /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g), c => {
      if (stryMutAct_9fa48("869")) {
        {}
      } else {
        stryCov_9fa48("869");
        stryMutAct_9fa48("870") ? changes-- : (stryCov_9fa48("870"), changes++);
        return String.fromCharCode(stryMutAct_9fa48("871") ? c.charCodeAt(0) + 0xfee0 : (stryCov_9fa48("871"), c.charCodeAt(0) - 0xfee0));
      }
    });
    // corner quotes → curly quotes
    s = s.replace(stryMutAct_9fa48("872") ? /[^「」『』]/g : (stryCov_9fa48("872"), /[「」『』]/g), c => {
      if (stryMutAct_9fa48("873")) {
        {}
      } else {
        stryCov_9fa48("873");
        stryMutAct_9fa48("874") ? changes-- : (stryCov_9fa48("874"), changes++);
        return (stryMutAct_9fa48("877") ? c !== '「' : stryMutAct_9fa48("876") ? false : stryMutAct_9fa48("875") ? true : (stryCov_9fa48("875", "876", "877"), c === (stryMutAct_9fa48("878") ? "" : (stryCov_9fa48("878"), '「')))) ? stryMutAct_9fa48("879") ? "" : (stryCov_9fa48("879"), '“') : (stryMutAct_9fa48("882") ? c !== '」' : stryMutAct_9fa48("881") ? false : stryMutAct_9fa48("880") ? true : (stryCov_9fa48("880", "881", "882"), c === (stryMutAct_9fa48("883") ? "" : (stryCov_9fa48("883"), '」')))) ? stryMutAct_9fa48("884") ? "" : (stryCov_9fa48("884"), '”') : (stryMutAct_9fa48("887") ? c !== '『' : stryMutAct_9fa48("886") ? false : stryMutAct_9fa48("885") ? true : (stryCov_9fa48("885", "886", "887"), c === (stryMutAct_9fa48("888") ? "" : (stryCov_9fa48("888"), '『')))) ? stryMutAct_9fa48("889") ? "" : (stryCov_9fa48("889"), '‘') : stryMutAct_9fa48("890") ? "" : (stryCov_9fa48("890"), '’');
      }
    });
    // dashes: two or more dash-like characters next to Chinese text → ——
    s = s.replace(stryMutAct_9fa48("892") ? /[^-—–─━－]{2,}/g : stryMutAct_9fa48("891") ? /[-—–─━－]/g : (stryCov_9fa48("891", "892"), /[-—–─━－]{2,}/g), (m, off: number) => {
      if (stryMutAct_9fa48("893")) {
        {}
      } else {
        stryCov_9fa48("893");
        const L = s[stryMutAct_9fa48("894") ? off + 1 : (stryCov_9fa48("894"), off - 1)];
        const R = s[stryMutAct_9fa48("895") ? off - m.length : (stryCov_9fa48("895"), off + m.length)];
        if (stryMutAct_9fa48("898") ? false : stryMutAct_9fa48("897") ? true : stryMutAct_9fa48("896") ? isCjk(L) || isCjk(R) || off === 0 : (stryCov_9fa48("896", "897", "898"), !(stryMutAct_9fa48("901") ? (isCjk(L) || isCjk(R)) && off === 0 : stryMutAct_9fa48("900") ? false : stryMutAct_9fa48("899") ? true : (stryCov_9fa48("899", "900", "901"), (stryMutAct_9fa48("903") ? isCjk(L) && isCjk(R) : stryMutAct_9fa48("902") ? false : (stryCov_9fa48("902", "903"), isCjk(L) || isCjk(R))) || (stryMutAct_9fa48("905") ? off !== 0 : stryMutAct_9fa48("904") ? false : (stryCov_9fa48("904", "905"), off === 0)))))) return m;
        if (stryMutAct_9fa48("908") ? m !== '——' : stryMutAct_9fa48("907") ? false : stryMutAct_9fa48("906") ? true : (stryCov_9fa48("906", "907", "908"), m === (stryMutAct_9fa48("909") ? "" : (stryCov_9fa48("909"), '——')))) return m;
        stryMutAct_9fa48("910") ? changes-- : (stryCov_9fa48("910"), changes++);
        return stryMutAct_9fa48("911") ? "" : (stryCov_9fa48("911"), '——');
      }
    });
    // ellipses
    s = s.replace(stryMutAct_9fa48("914") ? /\.{3,}|。{3,}|…/g : stryMutAct_9fa48("913") ? /\.{3,}|。|…+/g : stryMutAct_9fa48("912") ? /\.|。{3,}|…+/g : (stryCov_9fa48("912", "913", "914"), /\.{3,}|。{3,}|…+/g), (m, off: number) => {
      if (stryMutAct_9fa48("915")) {
        {}
      } else {
        stryCov_9fa48("915");
        if (stryMutAct_9fa48("918") ? m !== '……' : stryMutAct_9fa48("917") ? false : stryMutAct_9fa48("916") ? true : (stryCov_9fa48("916", "917", "918"), m === (stryMutAct_9fa48("919") ? "" : (stryCov_9fa48("919"), '……')))) return m;
        const L = s[stryMutAct_9fa48("920") ? off + 1 : (stryCov_9fa48("920"), off - 1)];
        const R = s[stryMutAct_9fa48("921") ? off - m.length : (stryCov_9fa48("921"), off + m.length)];
        if (stryMutAct_9fa48("924") ? m[0] === '.' || !(isCjk(L) || isCjk(R)) : stryMutAct_9fa48("923") ? false : stryMutAct_9fa48("922") ? true : (stryCov_9fa48("922", "923", "924"), (stryMutAct_9fa48("926") ? m[0] !== '.' : stryMutAct_9fa48("925") ? true : (stryCov_9fa48("925", "926"), m[0] === (stryMutAct_9fa48("927") ? "" : (stryCov_9fa48("927"), '.')))) && (stryMutAct_9fa48("928") ? isCjk(L) || isCjk(R) : (stryCov_9fa48("928"), !(stryMutAct_9fa48("931") ? isCjk(L) && isCjk(R) : stryMutAct_9fa48("930") ? false : stryMutAct_9fa48("929") ? true : (stryCov_9fa48("929", "930", "931"), isCjk(L) || isCjk(R))))))) return m;
        stryMutAct_9fa48("932") ? changes-- : (stryCov_9fa48("932"), changes++);
        return stryMutAct_9fa48("933") ? "" : (stryCov_9fa48("933"), '……');
      }
    });
    // straight double quotes in Chinese context: alternate open/close within the line
    if (stryMutAct_9fa48("935") ? false : stryMutAct_9fa48("934") ? true : (stryCov_9fa48("934", "935"), s.includes(stryMutAct_9fa48("936") ? "" : (stryCov_9fa48("936"), '"')))) {
      if (stryMutAct_9fa48("937")) {
        {}
      } else {
        stryCov_9fa48("937");
        let open = stryMutAct_9fa48("938") ? false : (stryCov_9fa48("938"), true);
        let out = stryMutAct_9fa48("939") ? "Stryker was here!" : (stryCov_9fa48("939"), '');
        for (let i = 0; stryMutAct_9fa48("942") ? i >= s.length : stryMutAct_9fa48("941") ? i <= s.length : stryMutAct_9fa48("940") ? false : (stryCov_9fa48("940", "941", "942"), i < s.length); stryMutAct_9fa48("943") ? i-- : (stryCov_9fa48("943"), i++)) {
          if (stryMutAct_9fa48("944")) {
            {}
          } else {
            stryCov_9fa48("944");
            const ch = s[i]!;
            if (stryMutAct_9fa48("947") ? ch === '"' || isCjk(s[i - 1]) || isCjk(s[i + 1]) : stryMutAct_9fa48("946") ? false : stryMutAct_9fa48("945") ? true : (stryCov_9fa48("945", "946", "947"), (stryMutAct_9fa48("949") ? ch !== '"' : stryMutAct_9fa48("948") ? true : (stryCov_9fa48("948", "949"), ch === (stryMutAct_9fa48("950") ? "" : (stryCov_9fa48("950"), '"')))) && (stryMutAct_9fa48("952") ? isCjk(s[i - 1]) && isCjk(s[i + 1]) : stryMutAct_9fa48("951") ? true : (stryCov_9fa48("951", "952"), isCjk(s[stryMutAct_9fa48("953") ? i + 1 : (stryCov_9fa48("953"), i - 1)]) || isCjk(s[stryMutAct_9fa48("954") ? i - 1 : (stryCov_9fa48("954"), i + 1)]))))) {
              if (stryMutAct_9fa48("955")) {
                {}
              } else {
                stryCov_9fa48("955");
                stryMutAct_9fa48("956") ? out -= open ? '“' : '”' : (stryCov_9fa48("956"), out += open ? stryMutAct_9fa48("957") ? "" : (stryCov_9fa48("957"), '“') : stryMutAct_9fa48("958") ? "" : (stryCov_9fa48("958"), '”'));
                open = stryMutAct_9fa48("959") ? open : (stryCov_9fa48("959"), !open);
                stryMutAct_9fa48("960") ? changes-- : (stryCov_9fa48("960"), changes++);
              }
            } else stryMutAct_9fa48("961") ? out -= ch : (stryCov_9fa48("961"), out += ch);
          }
        }
        s = out;
      }
    }
    // , ; : ? ! ( ) next to Chinese text
    if (stryMutAct_9fa48("963") ? false : stryMutAct_9fa48("962") ? true : (stryCov_9fa48("962", "963"), (stryMutAct_9fa48("964") ? /[^,;:?!()]/ : (stryCov_9fa48("964"), /[,;:?!()]/)).test(s))) {
      if (stryMutAct_9fa48("965")) {
        {}
      } else {
        stryCov_9fa48("965");
        let out = stryMutAct_9fa48("966") ? "Stryker was here!" : (stryCov_9fa48("966"), '');
        for (let i = 0; stryMutAct_9fa48("969") ? i >= s.length : stryMutAct_9fa48("968") ? i <= s.length : stryMutAct_9fa48("967") ? false : (stryCov_9fa48("967", "968", "969"), i < s.length); stryMutAct_9fa48("970") ? i-- : (stryCov_9fa48("970"), i++)) {
          if (stryMutAct_9fa48("971")) {
            {}
          } else {
            stryCov_9fa48("971");
            const ch = s[i]!;
            const full = MAP[ch];
            if (stryMutAct_9fa48("973") ? false : stryMutAct_9fa48("972") ? true : (stryCov_9fa48("972", "973"), full)) {
              if (stryMutAct_9fa48("974")) {
                {}
              } else {
                stryCov_9fa48("974");
                const L = s[stryMutAct_9fa48("975") ? i + 1 : (stryCov_9fa48("975"), i - 1)];
                const R = s[stryMutAct_9fa48("976") ? i - 1 : (stryCov_9fa48("976"), i + 1)];
                const cjk = stryMutAct_9fa48("979") ? (isCjk(L) || isCjk(R) || ch === '(' && isCjk(L)) && ch === ')' && isCjk(R) : stryMutAct_9fa48("978") ? false : stryMutAct_9fa48("977") ? true : (stryCov_9fa48("977", "978", "979"), (stryMutAct_9fa48("981") ? (isCjk(L) || isCjk(R)) && ch === '(' && isCjk(L) : stryMutAct_9fa48("980") ? false : (stryCov_9fa48("980", "981"), (stryMutAct_9fa48("983") ? isCjk(L) && isCjk(R) : stryMutAct_9fa48("982") ? false : (stryCov_9fa48("982", "983"), isCjk(L) || isCjk(R))) || (stryMutAct_9fa48("985") ? ch === '(' || isCjk(L) : stryMutAct_9fa48("984") ? false : (stryCov_9fa48("984", "985"), (stryMutAct_9fa48("987") ? ch !== '(' : stryMutAct_9fa48("986") ? true : (stryCov_9fa48("986", "987"), ch === (stryMutAct_9fa48("988") ? "" : (stryCov_9fa48("988"), '(')))) && isCjk(L))))) || (stryMutAct_9fa48("990") ? ch === ')' || isCjk(R) : stryMutAct_9fa48("989") ? false : (stryCov_9fa48("989", "990"), (stryMutAct_9fa48("992") ? ch !== ')' : stryMutAct_9fa48("991") ? true : (stryCov_9fa48("991", "992"), ch === (stryMutAct_9fa48("993") ? "" : (stryCov_9fa48("993"), ')')))) && isCjk(R))));
                const numeric = stryMutAct_9fa48("996") ? (ch === ',' || ch === ':') && isAsciiDigit(L) || isAsciiDigit(R) : stryMutAct_9fa48("995") ? false : stryMutAct_9fa48("994") ? true : (stryCov_9fa48("994", "995", "996"), (stryMutAct_9fa48("998") ? ch === ',' || ch === ':' || isAsciiDigit(L) : stryMutAct_9fa48("997") ? true : (stryCov_9fa48("997", "998"), (stryMutAct_9fa48("1000") ? ch === ',' && ch === ':' : stryMutAct_9fa48("999") ? true : (stryCov_9fa48("999", "1000"), (stryMutAct_9fa48("1002") ? ch !== ',' : stryMutAct_9fa48("1001") ? false : (stryCov_9fa48("1001", "1002"), ch === (stryMutAct_9fa48("1003") ? "" : (stryCov_9fa48("1003"), ',')))) || (stryMutAct_9fa48("1005") ? ch !== ':' : stryMutAct_9fa48("1004") ? false : (stryCov_9fa48("1004", "1005"), ch === (stryMutAct_9fa48("1006") ? "" : (stryCov_9fa48("1006"), ':')))))) && isAsciiDigit(L))) && isAsciiDigit(R));
                if (stryMutAct_9fa48("1009") ? cjk || !numeric : stryMutAct_9fa48("1008") ? false : stryMutAct_9fa48("1007") ? true : (stryCov_9fa48("1007", "1008", "1009"), cjk && (stryMutAct_9fa48("1010") ? numeric : (stryCov_9fa48("1010"), !numeric)))) {
                  if (stryMutAct_9fa48("1011")) {
                    {}
                  } else {
                    stryCov_9fa48("1011");
                    stryMutAct_9fa48("1012") ? out -= full : (stryCov_9fa48("1012"), out += full);
                    stryMutAct_9fa48("1013") ? changes-- : (stryCov_9fa48("1013"), changes++);
                    continue;
                  }
                }
              }
            }
            stryMutAct_9fa48("1014") ? out -= ch : (stryCov_9fa48("1014"), out += ch);
          }
        }
        s = out;
      }
    }
    return stryMutAct_9fa48("1015") ? {} : (stryCov_9fa48("1015"), {
      text: s,
      changes
    });
  }
}
export const punctuationRule = lineRule(stryMutAct_9fa48("1016") ? "" : (stryCov_9fa48("1016"), 'punctuation'), stryMutAct_9fa48("1017") ? "" : (stryCov_9fa48("1017"), 'half-width marks in Chinese text made full-width, one style of quotes, dashes and ellipses, full-width Latin made ASCII'), stryMutAct_9fa48("1018") ? () => undefined : (stryCov_9fa48("1018"), () => stryMutAct_9fa48("1019") ? false : (stryCov_9fa48("1019"), true)), t => {
  if (stryMutAct_9fa48("1020")) {
    {}
  } else {
    stryCov_9fa48("1020");
    const {
      text,
      changes
    } = normalizePunctuation(t);
    return stryMutAct_9fa48("1021") ? {} : (stryCov_9fa48("1021"), {
      text,
      count: changes
    });
  }
}, stryMutAct_9fa48("1022") ? () => undefined : (stryCov_9fa48("1022"), n => stryMutAct_9fa48("1023") ? `` : (stryCov_9fa48("1023"), `normalized ${n} punctuation mark(s)`)));
export const punctuation = stryMutAct_9fa48("1024") ? () => undefined : (stryCov_9fa48("1024"), (() => {
  const punctuation = (lines: Line[], file: string) => applyRule(punctuationRule, lines, file);
  return punctuation;
})());