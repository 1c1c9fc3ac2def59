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
const MAP: Record<string, string> = stryMutAct_9fa48("178") ? {} : (stryCov_9fa48("178"), {
  ',': stryMutAct_9fa48("179") ? "" : (stryCov_9fa48("179"), '，'),
  ';': stryMutAct_9fa48("180") ? "" : (stryCov_9fa48("180"), '；'),
  ':': stryMutAct_9fa48("181") ? "" : (stryCov_9fa48("181"), '：'),
  '?': stryMutAct_9fa48("182") ? "" : (stryCov_9fa48("182"), '？'),
  '!': stryMutAct_9fa48("183") ? "" : (stryCov_9fa48("183"), '！'),
  '(': stryMutAct_9fa48("184") ? "" : (stryCov_9fa48("184"), '（'),
  ')': stryMutAct_9fa48("185") ? "" : (stryCov_9fa48("185"), '）')
});
const CANDIDATE = stryMutAct_9fa48("186") ? /[^\uff10-\uff19\uff21-\uff3a\uff41-\uff5a「」『』\-—–─━－…",;:?!()]|\.\.\.|。。。/ : (stryCov_9fa48("186"), /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a「」『』\-—–─━－…",;:?!()]|\.\.\.|。。。/);
export function normalizePunctuation(input: string): {
  text: string;
  changes: number;
} {
  if (stryMutAct_9fa48("187")) {
    {}
  } else {
    stryCov_9fa48("187");
    if (stryMutAct_9fa48("190") ? false : stryMutAct_9fa48("189") ? true : stryMutAct_9fa48("188") ? CANDIDATE.test(input) : (stryCov_9fa48("188", "189", "190"), !CANDIDATE.test(input))) return stryMutAct_9fa48("191") ? {} : (stryCov_9fa48("191"), {
      text: input,
      changes: 0
    });
    let changes = 0;
    // full-width ASCII letters and digits → ASCII
    let s = input.replace(stryMutAct_9fa48("192") ? /[^\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g : (stryCov_9fa48("192"), /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g), c => {
      if (stryMutAct_9fa48("193")) {
        {}
      } else {
        stryCov_9fa48("193");
        stryMutAct_9fa48("194") ? changes-- : (stryCov_9fa48("194"), changes++);
        return String.fromCharCode(stryMutAct_9fa48("195") ? c.charCodeAt(0) + 0xfee0 : (stryCov_9fa48("195"), c.charCodeAt(0) - 0xfee0));
      }
    });
    // corner quotes → curly quotes
    s = s.replace(stryMutAct_9fa48("196") ? /[^「」『』]/g : (stryCov_9fa48("196"), /[「」『』]/g), c => {
      if (stryMutAct_9fa48("197")) {
        {}
      } else {
        stryCov_9fa48("197");
        stryMutAct_9fa48("198") ? changes-- : (stryCov_9fa48("198"), changes++);
        return (stryMutAct_9fa48("201") ? c !== '「' : stryMutAct_9fa48("200") ? false : stryMutAct_9fa48("199") ? true : (stryCov_9fa48("199", "200", "201"), c === (stryMutAct_9fa48("202") ? "" : (stryCov_9fa48("202"), '「')))) ? stryMutAct_9fa48("203") ? "" : (stryCov_9fa48("203"), '“') : (stryMutAct_9fa48("206") ? c !== '」' : stryMutAct_9fa48("205") ? false : stryMutAct_9fa48("204") ? true : (stryCov_9fa48("204", "205", "206"), c === (stryMutAct_9fa48("207") ? "" : (stryCov_9fa48("207"), '」')))) ? stryMutAct_9fa48("208") ? "" : (stryCov_9fa48("208"), '”') : (stryMutAct_9fa48("211") ? c !== '『' : stryMutAct_9fa48("210") ? false : stryMutAct_9fa48("209") ? true : (stryCov_9fa48("209", "210", "211"), c === (stryMutAct_9fa48("212") ? "" : (stryCov_9fa48("212"), '『')))) ? stryMutAct_9fa48("213") ? "" : (stryCov_9fa48("213"), '‘') : stryMutAct_9fa48("214") ? "" : (stryCov_9fa48("214"), '’');
      }
    });
    // dashes: two or more dash-like characters next to Chinese text → ——
    s = s.replace(stryMutAct_9fa48("216") ? /[^-—–─━－]{2,}/g : stryMutAct_9fa48("215") ? /[-—–─━－]/g : (stryCov_9fa48("215", "216"), /[-—–─━－]{2,}/g), (m, off: number) => {
      if (stryMutAct_9fa48("217")) {
        {}
      } else {
        stryCov_9fa48("217");
        const L = s[stryMutAct_9fa48("218") ? off + 1 : (stryCov_9fa48("218"), off - 1)];
        const R = s[stryMutAct_9fa48("219") ? off - m.length : (stryCov_9fa48("219"), off + m.length)];
        if (stryMutAct_9fa48("222") ? false : stryMutAct_9fa48("221") ? true : stryMutAct_9fa48("220") ? isCjk(L) || isCjk(R) || off === 0 : (stryCov_9fa48("220", "221", "222"), !(stryMutAct_9fa48("225") ? (isCjk(L) || isCjk(R)) && off === 0 : stryMutAct_9fa48("224") ? false : stryMutAct_9fa48("223") ? true : (stryCov_9fa48("223", "224", "225"), (stryMutAct_9fa48("227") ? isCjk(L) && isCjk(R) : stryMutAct_9fa48("226") ? false : (stryCov_9fa48("226", "227"), isCjk(L) || isCjk(R))) || (stryMutAct_9fa48("229") ? off !== 0 : stryMutAct_9fa48("228") ? false : (stryCov_9fa48("228", "229"), off === 0)))))) return m;
        if (stryMutAct_9fa48("232") ? m !== '——' : stryMutAct_9fa48("231") ? false : stryMutAct_9fa48("230") ? true : (stryCov_9fa48("230", "231", "232"), m === (stryMutAct_9fa48("233") ? "" : (stryCov_9fa48("233"), '——')))) return m;
        stryMutAct_9fa48("234") ? changes-- : (stryCov_9fa48("234"), changes++);
        return stryMutAct_9fa48("235") ? "" : (stryCov_9fa48("235"), '——');
      }
    });
    // ellipses
    s = s.replace(stryMutAct_9fa48("238") ? /\.{3,}|。{3,}|…/g : stryMutAct_9fa48("237") ? /\.{3,}|。|…+/g : stryMutAct_9fa48("236") ? /\.|。{3,}|…+/g : (stryCov_9fa48("236", "237", "238"), /\.{3,}|。{3,}|…+/g), (m, off: number) => {
      if (stryMutAct_9fa48("239")) {
        {}
      } else {
        stryCov_9fa48("239");
        if (stryMutAct_9fa48("242") ? m !== '……' : stryMutAct_9fa48("241") ? false : stryMutAct_9fa48("240") ? true : (stryCov_9fa48("240", "241", "242"), m === (stryMutAct_9fa48("243") ? "" : (stryCov_9fa48("243"), '……')))) return m;
        const L = s[stryMutAct_9fa48("244") ? off + 1 : (stryCov_9fa48("244"), off - 1)];
        const R = s[stryMutAct_9fa48("245") ? off - m.length : (stryCov_9fa48("245"), off + m.length)];
        if (stryMutAct_9fa48("248") ? m[0] === '.' || !(isCjk(L) || isCjk(R)) : stryMutAct_9fa48("247") ? false : stryMutAct_9fa48("246") ? true : (stryCov_9fa48("246", "247", "248"), (stryMutAct_9fa48("250") ? m[0] !== '.' : stryMutAct_9fa48("249") ? true : (stryCov_9fa48("249", "250"), m[0] === (stryMutAct_9fa48("251") ? "" : (stryCov_9fa48("251"), '.')))) && (stryMutAct_9fa48("252") ? isCjk(L) || isCjk(R) : (stryCov_9fa48("252"), !(stryMutAct_9fa48("255") ? isCjk(L) && isCjk(R) : stryMutAct_9fa48("254") ? false : stryMutAct_9fa48("253") ? true : (stryCov_9fa48("253", "254", "255"), isCjk(L) || isCjk(R))))))) return m;
        stryMutAct_9fa48("256") ? changes-- : (stryCov_9fa48("256"), changes++);
        return stryMutAct_9fa48("257") ? "" : (stryCov_9fa48("257"), '……');
      }
    });
    // straight double quotes in Chinese context: alternate open/close within the line
    if (stryMutAct_9fa48("259") ? false : stryMutAct_9fa48("258") ? true : (stryCov_9fa48("258", "259"), s.includes(stryMutAct_9fa48("260") ? "" : (stryCov_9fa48("260"), '"')))) {
      if (stryMutAct_9fa48("261")) {
        {}
      } else {
        stryCov_9fa48("261");
        let open = stryMutAct_9fa48("262") ? false : (stryCov_9fa48("262"), true);
        let out = stryMutAct_9fa48("263") ? "Stryker was here!" : (stryCov_9fa48("263"), '');
        for (let i = 0; stryMutAct_9fa48("266") ? i >= s.length : stryMutAct_9fa48("265") ? i <= s.length : stryMutAct_9fa48("264") ? false : (stryCov_9fa48("264", "265", "266"), i < s.length); stryMutAct_9fa48("267") ? i-- : (stryCov_9fa48("267"), i++)) {
          if (stryMutAct_9fa48("268")) {
            {}
          } else {
            stryCov_9fa48("268");
            const ch = s[i]!;
            if (stryMutAct_9fa48("271") ? ch === '"' || isCjk(s[i - 1]) || isCjk(s[i + 1]) : stryMutAct_9fa48("270") ? false : stryMutAct_9fa48("269") ? true : (stryCov_9fa48("269", "270", "271"), (stryMutAct_9fa48("273") ? ch !== '"' : stryMutAct_9fa48("272") ? true : (stryCov_9fa48("272", "273"), ch === (stryMutAct_9fa48("274") ? "" : (stryCov_9fa48("274"), '"')))) && (stryMutAct_9fa48("276") ? isCjk(s[i - 1]) && isCjk(s[i + 1]) : stryMutAct_9fa48("275") ? true : (stryCov_9fa48("275", "276"), isCjk(s[stryMutAct_9fa48("277") ? i + 1 : (stryCov_9fa48("277"), i - 1)]) || isCjk(s[stryMutAct_9fa48("278") ? i - 1 : (stryCov_9fa48("278"), i + 1)]))))) {
              if (stryMutAct_9fa48("279")) {
                {}
              } else {
                stryCov_9fa48("279");
                stryMutAct_9fa48("280") ? out -= open ? '“' : '”' : (stryCov_9fa48("280"), out += open ? stryMutAct_9fa48("281") ? "" : (stryCov_9fa48("281"), '“') : stryMutAct_9fa48("282") ? "" : (stryCov_9fa48("282"), '”'));
                open = stryMutAct_9fa48("283") ? open : (stryCov_9fa48("283"), !open);
                stryMutAct_9fa48("284") ? changes-- : (stryCov_9fa48("284"), changes++);
              }
            } else stryMutAct_9fa48("285") ? out -= ch : (stryCov_9fa48("285"), out += ch);
          }
        }
        s = out;
      }
    }
    // , ; : ? ! ( ) next to Chinese text
    if (stryMutAct_9fa48("287") ? false : stryMutAct_9fa48("286") ? true : (stryCov_9fa48("286", "287"), (stryMutAct_9fa48("288") ? /[^,;:?!()]/ : (stryCov_9fa48("288"), /[,;:?!()]/)).test(s))) {
      if (stryMutAct_9fa48("289")) {
        {}
      } else {
        stryCov_9fa48("289");
        let out = stryMutAct_9fa48("290") ? "Stryker was here!" : (stryCov_9fa48("290"), '');
        for (let i = 0; stryMutAct_9fa48("293") ? i >= s.length : stryMutAct_9fa48("292") ? i <= s.length : stryMutAct_9fa48("291") ? false : (stryCov_9fa48("291", "292", "293"), i < s.length); stryMutAct_9fa48("294") ? i-- : (stryCov_9fa48("294"), i++)) {
          if (stryMutAct_9fa48("295")) {
            {}
          } else {
            stryCov_9fa48("295");
            const ch = s[i]!;
            const full = MAP[ch];
            if (stryMutAct_9fa48("297") ? false : stryMutAct_9fa48("296") ? true : (stryCov_9fa48("296", "297"), full)) {
              if (stryMutAct_9fa48("298")) {
                {}
              } else {
                stryCov_9fa48("298");
                const L = s[stryMutAct_9fa48("299") ? i + 1 : (stryCov_9fa48("299"), i - 1)];
                const R = s[stryMutAct_9fa48("300") ? i - 1 : (stryCov_9fa48("300"), i + 1)];
                const cjk = stryMutAct_9fa48("303") ? (isCjk(L) || isCjk(R) || ch === '(' && isCjk(L)) && ch === ')' && isCjk(R) : stryMutAct_9fa48("302") ? false : stryMutAct_9fa48("301") ? true : (stryCov_9fa48("301", "302", "303"), (stryMutAct_9fa48("305") ? (isCjk(L) || isCjk(R)) && ch === '(' && isCjk(L) : stryMutAct_9fa48("304") ? false : (stryCov_9fa48("304", "305"), (stryMutAct_9fa48("307") ? isCjk(L) && isCjk(R) : stryMutAct_9fa48("306") ? false : (stryCov_9fa48("306", "307"), isCjk(L) || isCjk(R))) || (stryMutAct_9fa48("309") ? ch === '(' || isCjk(L) : stryMutAct_9fa48("308") ? false : (stryCov_9fa48("308", "309"), (stryMutAct_9fa48("311") ? ch !== '(' : stryMutAct_9fa48("310") ? true : (stryCov_9fa48("310", "311"), ch === (stryMutAct_9fa48("312") ? "" : (stryCov_9fa48("312"), '(')))) && isCjk(L))))) || (stryMutAct_9fa48("314") ? ch === ')' || isCjk(R) : stryMutAct_9fa48("313") ? false : (stryCov_9fa48("313", "314"), (stryMutAct_9fa48("316") ? ch !== ')' : stryMutAct_9fa48("315") ? true : (stryCov_9fa48("315", "316"), ch === (stryMutAct_9fa48("317") ? "" : (stryCov_9fa48("317"), ')')))) && isCjk(R))));
                const numeric = stryMutAct_9fa48("320") ? (ch === ',' || ch === ':') && isAsciiDigit(L) || isAsciiDigit(R) : stryMutAct_9fa48("319") ? false : stryMutAct_9fa48("318") ? true : (stryCov_9fa48("318", "319", "320"), (stryMutAct_9fa48("322") ? ch === ',' || ch === ':' || isAsciiDigit(L) : stryMutAct_9fa48("321") ? true : (stryCov_9fa48("321", "322"), (stryMutAct_9fa48("324") ? ch === ',' && ch === ':' : stryMutAct_9fa48("323") ? true : (stryCov_9fa48("323", "324"), (stryMutAct_9fa48("326") ? ch !== ',' : stryMutAct_9fa48("325") ? false : (stryCov_9fa48("325", "326"), ch === (stryMutAct_9fa48("327") ? "" : (stryCov_9fa48("327"), ',')))) || (stryMutAct_9fa48("329") ? ch !== ':' : stryMutAct_9fa48("328") ? false : (stryCov_9fa48("328", "329"), ch === (stryMutAct_9fa48("330") ? "" : (stryCov_9fa48("330"), ':')))))) && isAsciiDigit(L))) && isAsciiDigit(R));
                if (stryMutAct_9fa48("333") ? cjk || !numeric : stryMutAct_9fa48("332") ? false : stryMutAct_9fa48("331") ? true : (stryCov_9fa48("331", "332", "333"), cjk && (stryMutAct_9fa48("334") ? numeric : (stryCov_9fa48("334"), !numeric)))) {
                  if (stryMutAct_9fa48("335")) {
                    {}
                  } else {
                    stryCov_9fa48("335");
                    stryMutAct_9fa48("336") ? out -= full : (stryCov_9fa48("336"), out += full);
                    stryMutAct_9fa48("337") ? changes-- : (stryCov_9fa48("337"), changes++);
                    continue;
                  }
                }
              }
            }
            stryMutAct_9fa48("338") ? out -= ch : (stryCov_9fa48("338"), out += ch);
          }
        }
        s = out;
      }
    }
    return stryMutAct_9fa48("339") ? {} : (stryCov_9fa48("339"), {
      text: s,
      changes
    });
  }
}
export const punctuationRule = lineRule(stryMutAct_9fa48("340") ? "" : (stryCov_9fa48("340"), 'punctuation'), stryMutAct_9fa48("341") ? "" : (stryCov_9fa48("341"), 'half-width marks in Chinese text made full-width, one style of quotes, dashes and ellipses, full-width Latin made ASCII'), stryMutAct_9fa48("342") ? () => undefined : (stryCov_9fa48("342"), () => stryMutAct_9fa48("343") ? false : (stryCov_9fa48("343"), true)), t => {
  if (stryMutAct_9fa48("344")) {
    {}
  } else {
    stryCov_9fa48("344");
    const {
      text,
      changes
    } = normalizePunctuation(t);
    return stryMutAct_9fa48("345") ? {} : (stryCov_9fa48("345"), {
      text,
      count: changes
    });
  }
}, stryMutAct_9fa48("346") ? () => undefined : (stryCov_9fa48("346"), n => stryMutAct_9fa48("347") ? `` : (stryCov_9fa48("347"), `normalized ${n} punctuation mark(s)`)));
export const punctuation = stryMutAct_9fa48("348") ? () => undefined : (stryCov_9fa48("348"), (() => {
  const punctuation = (lines: Line[], file: string) => applyRule(punctuationRule, lines, file);
  return punctuation;
})());