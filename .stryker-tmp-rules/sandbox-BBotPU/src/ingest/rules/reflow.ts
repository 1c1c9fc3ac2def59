/**
 * reflow: join hard-wrapped lines into paragraphs, rejoin paragraphs that a column break split
 * mid-sentence, keep real paragraph breaks. Word-segmented sources (one sentence per line) are
 * gathered into paragraphs per turn. Output lines are paragraphs, each with its first source line.
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
import type { Line, RuleResult } from '../text.js';
import { displayWidth, endsCleanly, endsSentence, isLatinLetter, ORDINAL_START } from '../text.js';
import { matchLabel, NARRATION_START } from '../labels.js';
import { applyRule, type CleaningRule, type RuleContext } from './rule.js';
export type ReflowMode = 'columns' | 'paragraphs' | 'segmented';
const BULLET = stryMutAct_9fa48("1028") ? /^[-•●▪■◆]\S+/ : stryMutAct_9fa48("1027") ? /^[-•●▪■◆]\s/ : stryMutAct_9fa48("1026") ? /^[^-•●▪■◆]\s+/ : stryMutAct_9fa48("1025") ? /[-•●▪■◆]\s+/ : (stryCov_9fa48("1025", "1026", "1027", "1028"), /^[-•●▪■◆]\s+/);
function join(a: string, b: string): string {
  if (stryMutAct_9fa48("1029")) {
    {}
  } else {
    stryCov_9fa48("1029");
    return (stryMutAct_9fa48("1032") ? isLatinLetter(a[a.length - 1]) || isLatinLetter(b[0]) : stryMutAct_9fa48("1031") ? false : stryMutAct_9fa48("1030") ? true : (stryCov_9fa48("1030", "1031", "1032"), isLatinLetter(a[stryMutAct_9fa48("1033") ? a.length + 1 : (stryCov_9fa48("1033"), a.length - 1)]) && isLatinLetter(b[0]))) ? a + (stryMutAct_9fa48("1034") ? "" : (stryCov_9fa48("1034"), ' ')) + b : stryMutAct_9fa48("1035") ? a - b : (stryCov_9fa48("1035"), a + b);
  }
}

/** quote depth after reading s from depth d: an open “ never closed means the paragraph goes on */
function quoteDepth(s: string, d: number): number {
  if (stryMutAct_9fa48("1036")) {
    {}
  } else {
    stryCov_9fa48("1036");
    if (stryMutAct_9fa48("1039") ? s.indexOf('“') < 0 || s.indexOf('”') < 0 : stryMutAct_9fa48("1038") ? false : stryMutAct_9fa48("1037") ? true : (stryCov_9fa48("1037", "1038", "1039"), (stryMutAct_9fa48("1042") ? s.indexOf('“') >= 0 : stryMutAct_9fa48("1041") ? s.indexOf('“') <= 0 : stryMutAct_9fa48("1040") ? true : (stryCov_9fa48("1040", "1041", "1042"), s.indexOf(stryMutAct_9fa48("1043") ? "" : (stryCov_9fa48("1043"), '“')) < 0)) && (stryMutAct_9fa48("1046") ? s.indexOf('”') >= 0 : stryMutAct_9fa48("1045") ? s.indexOf('”') <= 0 : stryMutAct_9fa48("1044") ? true : (stryCov_9fa48("1044", "1045", "1046"), s.indexOf(stryMutAct_9fa48("1047") ? "" : (stryCov_9fa48("1047"), '”')) < 0)))) return d;
    for (const ch of s) {
      if (stryMutAct_9fa48("1048")) {
        {}
      } else {
        stryCov_9fa48("1048");
        if (stryMutAct_9fa48("1051") ? ch !== '“' : stryMutAct_9fa48("1050") ? false : stryMutAct_9fa48("1049") ? true : (stryCov_9fa48("1049", "1050", "1051"), ch === (stryMutAct_9fa48("1052") ? "" : (stryCov_9fa48("1052"), '“')))) stryMutAct_9fa48("1053") ? d-- : (stryCov_9fa48("1053"), d++);else if (stryMutAct_9fa48("1056") ? ch === '”' || d > 0 : stryMutAct_9fa48("1055") ? false : stryMutAct_9fa48("1054") ? true : (stryCov_9fa48("1054", "1055", "1056"), (stryMutAct_9fa48("1058") ? ch !== '”' : stryMutAct_9fa48("1057") ? true : (stryCov_9fa48("1057", "1058"), ch === (stryMutAct_9fa48("1059") ? "" : (stryCov_9fa48("1059"), '”')))) && (stryMutAct_9fa48("1062") ? d <= 0 : stryMutAct_9fa48("1061") ? d >= 0 : stryMutAct_9fa48("1060") ? true : (stryCov_9fa48("1060", "1061", "1062"), d > 0)))) stryMutAct_9fa48("1063") ? d++ : (stryCov_9fa48("1063"), d--);
      }
    }
    return d;
  }
}

/** Sentence openers that usually start a new paragraph of a spoken answer. */
const OPENER = stryMutAct_9fa48("1064") ? /(?:同时|当前|目前|今年|去年|此外|另外|总之|面对|作为|我们|中方|中国|下一步|展望|近年来|一年来|长期以来|事实上|实践证明|在此|对于|关于)/ : (stryCov_9fa48("1064"), /^(?:同时|当前|目前|今年|去年|此外|另外|总之|面对|作为|我们|中方|中国|下一步|展望|近年来|一年来|长期以来|事实上|实践证明|在此|对于|关于)/);

/**
 * Word-segmented sources lost their paragraph breaks; rebuild readable paragraphs (layout only,
 * no text changes): a new paragraph at an opener once the paragraph is long, and at any sentence
 * once it is very long.
 */
function segmentedBreak(curLength: number, sentence: string): boolean {
  if (stryMutAct_9fa48("1065")) {
    {}
  } else {
    stryCov_9fa48("1065");
    return stryMutAct_9fa48("1068") ? curLength >= 150 && OPENER.test(sentence) && curLength >= 360 : stryMutAct_9fa48("1067") ? false : stryMutAct_9fa48("1066") ? true : (stryCov_9fa48("1066", "1067", "1068"), (stryMutAct_9fa48("1070") ? curLength >= 150 || OPENER.test(sentence) : stryMutAct_9fa48("1069") ? false : (stryCov_9fa48("1069", "1070"), (stryMutAct_9fa48("1073") ? curLength < 150 : stryMutAct_9fa48("1072") ? curLength > 150 : stryMutAct_9fa48("1071") ? true : (stryCov_9fa48("1071", "1072", "1073"), curLength >= 150)) && OPENER.test(sentence))) || (stryMutAct_9fa48("1076") ? curLength < 360 : stryMutAct_9fa48("1075") ? curLength > 360 : stryMutAct_9fa48("1074") ? false : (stryCov_9fa48("1074", "1075", "1076"), curLength >= 360)));
  }
}

/** Typical column width of hard-wrapped text: the 75th percentile of line display widths. */
export function wrapWidth(lines: Line[]): number {
  if (stryMutAct_9fa48("1077")) {
    {}
  } else {
    stryCov_9fa48("1077");
    // counting sort over small widths: linear in the number of lines
    const hist = new Map<number, number>();
    let n = 0;
    for (const l of lines) {
      if (stryMutAct_9fa48("1078")) {
        {}
      } else {
        stryCov_9fa48("1078");
        if (stryMutAct_9fa48("1081") ? l.text !== '' : stryMutAct_9fa48("1080") ? false : stryMutAct_9fa48("1079") ? true : (stryCov_9fa48("1079", "1080", "1081"), l.text === (stryMutAct_9fa48("1082") ? "Stryker was here!" : (stryCov_9fa48("1082"), '')))) continue;
        const w = displayWidth(l.text);
        hist.set(w, stryMutAct_9fa48("1083") ? (hist.get(w) ?? 0) - 1 : (stryCov_9fa48("1083"), (stryMutAct_9fa48("1084") ? hist.get(w) && 0 : (stryCov_9fa48("1084"), hist.get(w) ?? 0)) + 1));
        stryMutAct_9fa48("1085") ? n-- : (stryCov_9fa48("1085"), n++);
      }
    }
    if (stryMutAct_9fa48("1088") ? false : stryMutAct_9fa48("1087") ? true : stryMutAct_9fa48("1086") ? n : (stryCov_9fa48("1086", "1087", "1088"), !n)) return Infinity;
    const target = Math.floor(stryMutAct_9fa48("1089") ? n / 0.75 : (stryCov_9fa48("1089"), n * 0.75));
    let seen = 0;
    for (const w of stryMutAct_9fa48("1090") ? [...hist.keys()] : (stryCov_9fa48("1090"), (stryMutAct_9fa48("1091") ? [] : (stryCov_9fa48("1091"), [...hist.keys()])).sort(stryMutAct_9fa48("1092") ? () => undefined : (stryCov_9fa48("1092"), (a, b) => stryMutAct_9fa48("1093") ? a + b : (stryCov_9fa48("1093"), a - b))))) {
      if (stryMutAct_9fa48("1094")) {
        {}
      } else {
        stryCov_9fa48("1094");
        stryMutAct_9fa48("1095") ? seen -= hist.get(w)! : (stryCov_9fa48("1095"), seen += hist.get(w)!);
        if (stryMutAct_9fa48("1099") ? seen <= target : stryMutAct_9fa48("1098") ? seen >= target : stryMutAct_9fa48("1097") ? false : stryMutAct_9fa48("1096") ? true : (stryCov_9fa48("1096", "1097", "1098", "1099"), seen > target)) return w;
      }
    }
    return Infinity;
  }
}
export function reflowMode(base: string): ReflowMode {
  if (stryMutAct_9fa48("1100")) {
    {}
  } else {
    stryCov_9fa48("1100");
    return (stryMutAct_9fa48("1103") ? base !== 'segmented' : stryMutAct_9fa48("1102") ? false : stryMutAct_9fa48("1101") ? true : (stryCov_9fa48("1101", "1102", "1103"), base === (stryMutAct_9fa48("1104") ? "" : (stryCov_9fa48("1104"), 'segmented')))) ? stryMutAct_9fa48("1105") ? "" : (stryCov_9fa48("1105"), 'segmented') : (stryMutAct_9fa48("1108") ? base !== 'columns' : stryMutAct_9fa48("1107") ? false : stryMutAct_9fa48("1106") ? true : (stryCov_9fa48("1106", "1107", "1108"), base === (stryMutAct_9fa48("1109") ? "" : (stryCov_9fa48("1109"), 'columns')))) ? stryMutAct_9fa48("1110") ? "" : (stryCov_9fa48("1110"), 'columns') : stryMutAct_9fa48("1111") ? "" : (stryCov_9fa48("1111"), 'paragraphs');
  }
}
function transform(lines: Line[], ctx: RuleContext): Line[] {
  if (stryMutAct_9fa48("1112")) {
    {}
  } else {
    stryCov_9fa48("1112");
    const mode = reflowMode(ctx.layout.base);
    let fixes = 0;
    let bullets = 0;
    const paras: Line[] = stryMutAct_9fa48("1113") ? ["Stryker was here"] : (stryCov_9fa48("1113"), []);
    const isBoundary = ctx.isBoundary;
    // typical wrap width (75th percentile of line widths) for column layouts
    const wrap = (stryMutAct_9fa48("1116") ? mode !== 'columns' : stryMutAct_9fa48("1115") ? false : stryMutAct_9fa48("1114") ? true : (stryCov_9fa48("1114", "1115", "1116"), mode === (stryMutAct_9fa48("1117") ? "" : (stryCov_9fa48("1117"), 'columns')))) ? wrapWidth(lines) : Infinity;
    let cur: Line | undefined;
    let depth = 0; // open quotes in the current paragraph
    let breakAfter = stryMutAct_9fa48("1118") ? false : (stryCov_9fa48("1118"), true); // the previous line ended a paragraph
    let blockStart = stryMutAct_9fa48("1119") ? false : (stryCov_9fa48("1119"), true);
    for (const l of lines) {
      if (stryMutAct_9fa48("1120")) {
        {}
      } else {
        stryCov_9fa48("1120");
        let t = l.text;
        if (stryMutAct_9fa48("1123") ? t !== '' : stryMutAct_9fa48("1122") ? false : stryMutAct_9fa48("1121") ? true : (stryCov_9fa48("1121", "1122", "1123"), t === (stryMutAct_9fa48("1124") ? "Stryker was here!" : (stryCov_9fa48("1124"), '')))) {
          if (stryMutAct_9fa48("1125")) {
            {}
          } else {
            stryCov_9fa48("1125");
            blockStart = stryMutAct_9fa48("1126") ? false : (stryCov_9fa48("1126"), true);
            continue;
          }
        }
        if (stryMutAct_9fa48("1128") ? false : stryMutAct_9fa48("1127") ? true : (stryCov_9fa48("1127", "1128"), BULLET.test(t))) {
          if (stryMutAct_9fa48("1129")) {
            {}
          } else {
            stryCov_9fa48("1129");
            t = t.replace(BULLET, stryMutAct_9fa48("1130") ? "Stryker was here!" : (stryCov_9fa48("1130"), ''));
            stryMutAct_9fa48("1131") ? bullets-- : (stryCov_9fa48("1131"), bullets++);
            ctx.report(stryMutAct_9fa48("1132") ? "" : (stryCov_9fa48("1132"), 'dropped a list-bullet marker'), stryMutAct_9fa48("1133") ? {} : (stryCov_9fa48("1133"), {
              line: l.src
            }));
          }
        }
        let boundary = stryMutAct_9fa48("1136") ? isBoundary(t) && mode === 'segmented' && cur !== undefined && ORDINAL_START.test(t) : stryMutAct_9fa48("1135") ? false : stryMutAct_9fa48("1134") ? true : (stryCov_9fa48("1134", "1135", "1136"), isBoundary(t) || (stryMutAct_9fa48("1138") ? mode === 'segmented' && cur !== undefined || ORDINAL_START.test(t) : stryMutAct_9fa48("1137") ? false : (stryCov_9fa48("1137", "1138"), (stryMutAct_9fa48("1140") ? mode === 'segmented' || cur !== undefined : stryMutAct_9fa48("1139") ? true : (stryCov_9fa48("1139", "1140"), (stryMutAct_9fa48("1142") ? mode !== 'segmented' : stryMutAct_9fa48("1141") ? true : (stryCov_9fa48("1141", "1142"), mode === (stryMutAct_9fa48("1143") ? "" : (stryCov_9fa48("1143"), 'segmented')))) && (stryMutAct_9fa48("1145") ? cur === undefined : stryMutAct_9fa48("1144") ? true : (stryCov_9fa48("1144", "1145"), cur !== undefined)))) && ORDINAL_START.test(t))));
        // in a column, a line that continues a full line cut mid-sentence is never a new turn, even when
        // its start reads like a label ("…24K2电视" / "台记者：…" cut at the column edge)
        if (stryMutAct_9fa48("1148") ? boundary && mode === 'columns' && cur && !blockStart && !breakAfter || !endsCleanly(cur.text) : stryMutAct_9fa48("1147") ? false : stryMutAct_9fa48("1146") ? true : (stryCov_9fa48("1146", "1147", "1148"), (stryMutAct_9fa48("1150") ? boundary && mode === 'columns' && cur && !blockStart || !breakAfter : stryMutAct_9fa48("1149") ? true : (stryCov_9fa48("1149", "1150"), (stryMutAct_9fa48("1152") ? boundary && mode === 'columns' && cur || !blockStart : stryMutAct_9fa48("1151") ? true : (stryCov_9fa48("1151", "1152"), (stryMutAct_9fa48("1154") ? boundary && mode === 'columns' || cur : stryMutAct_9fa48("1153") ? true : (stryCov_9fa48("1153", "1154"), (stryMutAct_9fa48("1156") ? boundary || mode === 'columns' : stryMutAct_9fa48("1155") ? true : (stryCov_9fa48("1155", "1156"), boundary && (stryMutAct_9fa48("1158") ? mode !== 'columns' : stryMutAct_9fa48("1157") ? true : (stryCov_9fa48("1157", "1158"), mode === (stryMutAct_9fa48("1159") ? "" : (stryCov_9fa48("1159"), 'columns')))))) && cur)) && (stryMutAct_9fa48("1160") ? blockStart : (stryCov_9fa48("1160"), !blockStart)))) && (stryMutAct_9fa48("1161") ? breakAfter : (stryCov_9fa48("1161"), !breakAfter)))) && (stryMutAct_9fa48("1162") ? endsCleanly(cur.text) : (stryCov_9fa48("1162"), !endsCleanly(cur.text))))) boundary = stryMutAct_9fa48("1163") ? true : (stryCov_9fa48("1163"), false);
        let startNew: boolean;
        if (stryMutAct_9fa48("1166") ? !cur && boundary : stryMutAct_9fa48("1165") ? false : stryMutAct_9fa48("1164") ? true : (stryCov_9fa48("1164", "1165", "1166"), (stryMutAct_9fa48("1167") ? cur : (stryCov_9fa48("1167"), !cur)) || boundary)) startNew = stryMutAct_9fa48("1168") ? false : (stryCov_9fa48("1168"), true);else if (stryMutAct_9fa48("1170") ? false : stryMutAct_9fa48("1169") ? true : (stryCov_9fa48("1169", "1170"), blockStart)) {
          if (stryMutAct_9fa48("1171")) {
            {}
          } else {
            stryCov_9fa48("1171");
            // a new block: a real paragraph break unless the previous paragraph stopped mid-sentence
            startNew = stryMutAct_9fa48("1174") ? endsCleanly(cur.text) || depth === 0 : stryMutAct_9fa48("1173") ? false : stryMutAct_9fa48("1172") ? true : (stryCov_9fa48("1172", "1173", "1174"), endsCleanly(cur.text) && (stryMutAct_9fa48("1176") ? depth !== 0 : stryMutAct_9fa48("1175") ? true : (stryCov_9fa48("1175", "1176"), depth === 0)));
            if (stryMutAct_9fa48("1179") ? false : stryMutAct_9fa48("1178") ? true : stryMutAct_9fa48("1177") ? startNew : (stryCov_9fa48("1177", "1178", "1179"), !startNew)) {
              if (stryMutAct_9fa48("1180")) {
                {}
              } else {
                stryCov_9fa48("1180");
                stryMutAct_9fa48("1181") ? fixes-- : (stryCov_9fa48("1181"), fixes++);
                ctx.report(stryMutAct_9fa48("1182") ? `` : (stryCov_9fa48("1182"), `rejoined a paragraph split mid-sentence (after "${stryMutAct_9fa48("1183") ? cur.text : (stryCov_9fa48("1183"), cur.text.slice(stryMutAct_9fa48("1184") ? +8 : (stryCov_9fa48("1184"), -8)))}")`), stryMutAct_9fa48("1185") ? {} : (stryCov_9fa48("1185"), {
                  line: l.src,
                  severity: stryMutAct_9fa48("1186") ? "" : (stryCov_9fa48("1186"), 'warning')
                }));
              }
            }
          }
        } else if (stryMutAct_9fa48("1189") ? mode !== 'segmented' : stryMutAct_9fa48("1188") ? false : stryMutAct_9fa48("1187") ? true : (stryCov_9fa48("1187", "1188", "1189"), mode === (stryMutAct_9fa48("1190") ? "" : (stryCov_9fa48("1190"), 'segmented')))) startNew = stryMutAct_9fa48("1193") ? /[：:]$/.test(cur.text) && segmentedBreak(cur.text.length, t) : stryMutAct_9fa48("1192") ? false : stryMutAct_9fa48("1191") ? true : (stryCov_9fa48("1191", "1192", "1193"), (stryMutAct_9fa48("1195") ? /[^：:]$/ : stryMutAct_9fa48("1194") ? /[：:]/ : (stryCov_9fa48("1194", "1195"), /[：:]$/)).test(cur.text) || segmentedBreak(cur.text.length, t));else startNew = breakAfter;
        if (stryMutAct_9fa48("1197") ? false : stryMutAct_9fa48("1196") ? true : (stryCov_9fa48("1196", "1197"), startNew)) {
          if (stryMutAct_9fa48("1198")) {
            {}
          } else {
            stryCov_9fa48("1198");
            cur = stryMutAct_9fa48("1199") ? {} : (stryCov_9fa48("1199"), {
              text: t,
              src: l.src
            });
            paras.push(cur);
            depth = quoteDepth(t, 0);
          }
        } else {
          if (stryMutAct_9fa48("1200")) {
            {}
          } else {
            stryCov_9fa48("1200");
            depth = quoteDepth(t, depth);
            cur!.text = join(cur!.text, t);
            if (stryMutAct_9fa48("1203") ? false : stryMutAct_9fa48("1202") ? true : stryMutAct_9fa48("1201") ? blockStart : (stryCov_9fa48("1201", "1202", "1203"), !blockStart)) stryMutAct_9fa48("1204") ? fixes-- : (stryCov_9fa48("1204"), fixes++);
          }
        }
        const w = displayWidth(t);
        breakAfter = (stryMutAct_9fa48("1207") ? mode !== 'segmented' : stryMutAct_9fa48("1206") ? false : stryMutAct_9fa48("1205") ? true : (stryCov_9fa48("1205", "1206", "1207"), mode === (stryMutAct_9fa48("1208") ? "" : (stryCov_9fa48("1208"), 'segmented')))) ? stryMutAct_9fa48("1209") ? false : (stryCov_9fa48("1209"), true) : stryMutAct_9fa48("1212") ? endsCleanly(t) && depth === 0 || mode === 'paragraphs' || w < wrap * 0.8 : stryMutAct_9fa48("1211") ? false : stryMutAct_9fa48("1210") ? true : (stryCov_9fa48("1210", "1211", "1212"), (stryMutAct_9fa48("1214") ? endsCleanly(t) || depth === 0 : stryMutAct_9fa48("1213") ? true : (stryCov_9fa48("1213", "1214"), endsCleanly(t) && (stryMutAct_9fa48("1216") ? depth !== 0 : stryMutAct_9fa48("1215") ? true : (stryCov_9fa48("1215", "1216"), depth === 0)))) && (stryMutAct_9fa48("1218") ? mode === 'paragraphs' && w < wrap * 0.8 : stryMutAct_9fa48("1217") ? true : (stryCov_9fa48("1217", "1218"), (stryMutAct_9fa48("1220") ? mode !== 'paragraphs' : stryMutAct_9fa48("1219") ? false : (stryCov_9fa48("1219", "1220"), mode === (stryMutAct_9fa48("1221") ? "" : (stryCov_9fa48("1221"), 'paragraphs')))) || (stryMutAct_9fa48("1224") ? w >= wrap * 0.8 : stryMutAct_9fa48("1223") ? w <= wrap * 0.8 : stryMutAct_9fa48("1222") ? false : (stryCov_9fa48("1222", "1223", "1224"), w < (stryMutAct_9fa48("1225") ? wrap / 0.8 : (stryCov_9fa48("1225"), wrap * 0.8)))))));
        // narration such as "记者会历时…" stands alone
        if (stryMutAct_9fa48("1227") ? false : stryMutAct_9fa48("1226") ? true : (stryCov_9fa48("1226", "1227"), NARRATION_START.test(t))) breakAfter = stryMutAct_9fa48("1228") ? false : (stryCov_9fa48("1228"), true);
        blockStart = stryMutAct_9fa48("1229") ? true : (stryCov_9fa48("1229"), false);
        if (stryMutAct_9fa48("1232") ? mode !== 'segmented' && NARRATION_START.test(cur!.text) || endsSentence(t) : stryMutAct_9fa48("1231") ? false : stryMutAct_9fa48("1230") ? true : (stryCov_9fa48("1230", "1231", "1232"), (stryMutAct_9fa48("1234") ? mode !== 'segmented' || NARRATION_START.test(cur!.text) : stryMutAct_9fa48("1233") ? true : (stryCov_9fa48("1233", "1234"), (stryMutAct_9fa48("1236") ? mode === 'segmented' : stryMutAct_9fa48("1235") ? true : (stryCov_9fa48("1235", "1236"), mode !== (stryMutAct_9fa48("1237") ? "" : (stryCov_9fa48("1237"), 'segmented')))) && NARRATION_START.test(cur!.text))) && endsSentence(t))) blockStart = stryMutAct_9fa48("1238") ? false : (stryCov_9fa48("1238"), true);
      }
    }
    if (stryMutAct_9fa48("1240") ? false : stryMutAct_9fa48("1239") ? true : (stryCov_9fa48("1239", "1240"), fixes)) ctx.report(stryMutAct_9fa48("1241") ? `` : (stryCov_9fa48("1241"), `joined ${fixes} wrapped line(s) into ${paras.length} paragraph(s)`), stryMutAct_9fa48("1242") ? {} : (stryCov_9fa48("1242"), {
      line: stryMutAct_9fa48("1243") ? paras[0]?.src && 1 : (stryCov_9fa48("1243"), (stryMutAct_9fa48("1244") ? paras[0].src : (stryCov_9fa48("1244"), paras[0]?.src)) ?? 1)
    }));
    ctx.fix(fixes);
    stryMutAct_9fa48("1245") ? ctx.out.listBullets -= bullets : (stryCov_9fa48("1245"), ctx.out.listBullets += bullets);
    return paras;
  }
}
export const reflowRule: CleaningRule = stryMutAct_9fa48("1246") ? {} : (stryCov_9fa48("1246"), {
  name: stryMutAct_9fa48("1247") ? "" : (stryCov_9fa48("1247"), 'reflow'),
  stage: stryMutAct_9fa48("1248") ? "" : (stryCov_9fa48("1248"), 'paragraphs'),
  description: stryMutAct_9fa48("1249") ? "" : (stryCov_9fa48("1249"), 'hard-wrapped lines joined into paragraphs, paragraphs split by a column break rejoined, segmented sentences gathered'),
  applies: stryMutAct_9fa48("1250") ? () => undefined : (stryCov_9fa48("1250"), ctx => stryMutAct_9fa48("1253") ? ctx.layout.base === 'digest' : stryMutAct_9fa48("1252") ? false : stryMutAct_9fa48("1251") ? true : (stryCov_9fa48("1251", "1252", "1253"), ctx.layout.base !== (stryMutAct_9fa48("1254") ? "" : (stryCov_9fa48("1254"), 'digest')))),
  transform
});
export function reflow(lines: Line[], file: string, mode: ReflowMode, speakers: Set<string>): RuleResult & {
  bullets: number;
} {
  if (stryMutAct_9fa48("1255")) {
    {}
  } else {
    stryCov_9fa48("1255");
    const isBoundary = stryMutAct_9fa48("1256") ? () => undefined : (stryCov_9fa48("1256"), (() => {
      const isBoundary = (t: string) => stryMutAct_9fa48("1259") ? !!matchLabel(t, speakers) && NARRATION_START.test(t) : stryMutAct_9fa48("1258") ? false : stryMutAct_9fa48("1257") ? true : (stryCov_9fa48("1257", "1258", "1259"), (stryMutAct_9fa48("1260") ? !matchLabel(t, speakers) : (stryCov_9fa48("1260"), !(stryMutAct_9fa48("1261") ? matchLabel(t, speakers) : (stryCov_9fa48("1261"), !matchLabel(t, speakers))))) || NARRATION_START.test(t));
      return isBoundary;
    })());
    const r = applyRule(reflowRule, lines, file, stryMutAct_9fa48("1262") ? {} : (stryCov_9fa48("1262"), {
      speakers,
      isBoundary,
      layout: stryMutAct_9fa48("1263") ? {} : (stryCov_9fa48("1263"), {
        base: mode,
        digestHead: stryMutAct_9fa48("1264") ? true : (stryCov_9fa48("1264"), false)
      })
    }));
    return stryMutAct_9fa48("1265") ? {} : (stryCov_9fa48("1265"), {
      lines: r.lines,
      diags: r.diags,
      fixes: r.fixes,
      bullets: r.out.listBullets
    });
  }
}