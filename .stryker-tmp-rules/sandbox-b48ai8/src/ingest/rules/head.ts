/**
 * head: the title lines and the digest headline bullets printed above a transcript
 * ("就中国外交政策和对外关系 / 国务委员兼外交部长王毅回答中外记者提问", "- 乌克兰问题：…").
 * They become metadata and highlights, not transcript text; each is reported.
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
import { displayWidth, endsSentence } from '../text.js';
import { matchLabel } from '../labels.js';
import { wrapWidth } from './reflow.js';
import { applyRule, type CleaningRule, type RuleContext } from './rule.js';
const BULLET = stryMutAct_9fa48("3") ? /^[-•●▪■◆·]\S*/ : stryMutAct_9fa48("2") ? /^[-•●▪■◆·]\s/ : stryMutAct_9fa48("1") ? /^[^-•●▪■◆·]\s*/ : stryMutAct_9fa48("0") ? /[-•●▪■◆·]\s*/ : (stryCov_9fa48("0", "1", "2", "3"), /^[-•●▪■◆·]\s*/);
/** a dateline ("新华社北京3月7日电") opens the report: it is not a title */
const DATELINE = stryMutAct_9fa48("7") ? /\d{1,2}月\D{1,2}日电/ : stryMutAct_9fa48("6") ? /\d{1,2}月\d日电/ : stryMutAct_9fa48("5") ? /\D{1,2}月\d{1,2}日电/ : stryMutAct_9fa48("4") ? /\d月\d{1,2}日电/ : (stryCov_9fa48("4", "5", "6", "7"), /\d{1,2}月\d{1,2}日电/);
export interface HeadResult extends RuleResult {
  titles: string[];
  bullets: {
    text: string;
    src: number;
  }[];
}

/**
 * A title is a short line that does not end a sentence, without "。；", not a label, not a
 * dateline; in a hard-wrapped source, a title with "，！？" must be narrower than the column (a
 * column break leaves full-width fragments of prose). `wrap`: the column width of a hard-wrapped source, where a long title or bullet is
 * cut into full-width lines that are joined again (a line after a full-width line, or any
 * non-bullet line of a bullet block, continues it).
 */
function transform(input: Line[], ctx: RuleContext): Line[] {
  if (stryMutAct_9fa48("8")) {
    {}
  } else {
    stryCov_9fa48("8");
    const opts = stryMutAct_9fa48("9") ? {} : (stryCov_9fa48("9"), {
      segmented: stryMutAct_9fa48("12") ? ctx.layout.base !== 'segmented' : stryMutAct_9fa48("11") ? false : stryMutAct_9fa48("10") ? true : (stryCov_9fa48("10", "11", "12"), ctx.layout.base === (stryMutAct_9fa48("13") ? "" : (stryCov_9fa48("13"), 'segmented'))),
      wrap: stryMutAct_9fa48("14") ? ctx.wrap && (ctx.layout.base === 'columns' ? wrapWidth(input) : undefined) : (stryCov_9fa48("14"), ctx.wrap ?? ((stryMutAct_9fa48("17") ? ctx.layout.base !== 'columns' : stryMutAct_9fa48("16") ? false : stryMutAct_9fa48("15") ? true : (stryCov_9fa48("15", "16", "17"), ctx.layout.base === (stryMutAct_9fa48("18") ? "" : (stryCov_9fa48("18"), 'columns')))) ? wrapWidth(input) : undefined))
    });
    const speakers = ctx.speakers;
    const lines = stryMutAct_9fa48("19") ? input : (stryCov_9fa48("19"), input.slice()); // entries are replaced, never mutated
    const titles = ctx.out.titles;
    const bullets = ctx.out.bullets;
    let i = 0;
    while (stryMutAct_9fa48("22") ? i >= lines.length : stryMutAct_9fa48("21") ? i <= lines.length : stryMutAct_9fa48("20") ? false : (stryCov_9fa48("20", "21", "22"), i < lines.length)) {
      if (stryMutAct_9fa48("23")) {
        {}
      } else {
        stryCov_9fa48("23");
        while (stryMutAct_9fa48("25") ? i < lines.length || lines[i]!.text === '' : stryMutAct_9fa48("24") ? false : (stryCov_9fa48("24", "25"), (stryMutAct_9fa48("28") ? i >= lines.length : stryMutAct_9fa48("27") ? i <= lines.length : stryMutAct_9fa48("26") ? true : (stryCov_9fa48("26", "27", "28"), i < lines.length)) && (stryMutAct_9fa48("30") ? lines[i]!.text !== '' : stryMutAct_9fa48("29") ? true : (stryCov_9fa48("29", "30"), lines[i]!.text === (stryMutAct_9fa48("31") ? "Stryker was here!" : (stryCov_9fa48("31"), '')))))) stryMutAct_9fa48("32") ? i-- : (stryCov_9fa48("32"), i++);
        if (stryMutAct_9fa48("36") ? i < lines.length : stryMutAct_9fa48("35") ? i > lines.length : stryMutAct_9fa48("34") ? false : stryMutAct_9fa48("33") ? true : (stryCov_9fa48("33", "34", "35", "36"), i >= lines.length)) break;
        const s = i;
        if (stryMutAct_9fa48("38") ? false : stryMutAct_9fa48("37") ? true : (stryCov_9fa48("37", "38"), opts.segmented)) stryMutAct_9fa48("39") ? i-- : (stryCov_9fa48("39"), i++);else while (stryMutAct_9fa48("41") ? i < lines.length || lines[i]!.text !== '' : stryMutAct_9fa48("40") ? false : (stryCov_9fa48("40", "41"), (stryMutAct_9fa48("44") ? i >= lines.length : stryMutAct_9fa48("43") ? i <= lines.length : stryMutAct_9fa48("42") ? true : (stryCov_9fa48("42", "43", "44"), i < lines.length)) && (stryMutAct_9fa48("46") ? lines[i]!.text === '' : stryMutAct_9fa48("45") ? true : (stryCov_9fa48("45", "46"), lines[i]!.text !== (stryMutAct_9fa48("47") ? "Stryker was here!" : (stryCov_9fa48("47"), '')))))) stryMutAct_9fa48("48") ? i-- : (stryCov_9fa48("48"), i++);
        // a line that reaches the column (within one Han character) was cut by the wrap
        const full = stryMutAct_9fa48("49") ? () => undefined : (stryCov_9fa48("49"), (() => {
          const full = (t: string) => stryMutAct_9fa48("52") ? !!opts.wrap || displayWidth(t) >= opts.wrap - 2 : stryMutAct_9fa48("51") ? false : stryMutAct_9fa48("50") ? true : (stryCov_9fa48("50", "51", "52"), (stryMutAct_9fa48("53") ? !opts.wrap : (stryCov_9fa48("53"), !(stryMutAct_9fa48("54") ? opts.wrap : (stryCov_9fa48("54"), !opts.wrap)))) && (stryMutAct_9fa48("57") ? displayWidth(t) < opts.wrap - 2 : stryMutAct_9fa48("56") ? displayWidth(t) > opts.wrap - 2 : stryMutAct_9fa48("55") ? true : (stryCov_9fa48("55", "56", "57"), displayWidth(t) >= (stryMutAct_9fa48("58") ? opts.wrap + 2 : (stryCov_9fa48("58"), opts.wrap - 2)))));
          return full;
        })());
        // a hard-wrapped source cuts a long bullet or title into full-width lines: a line that
        // follows a full-width line of the same block continues it
        const units: {
          text: string;
          src: number;
          from: number;
          to: number;
        }[] = stryMutAct_9fa48("59") ? ["Stryker was here"] : (stryCov_9fa48("59"), []);
        for (let k = s; stryMutAct_9fa48("62") ? k >= i : stryMutAct_9fa48("61") ? k <= i : stryMutAct_9fa48("60") ? false : (stryCov_9fa48("60", "61", "62"), k < i); stryMutAct_9fa48("63") ? k-- : (stryCov_9fa48("63"), k++)) {
          if (stryMutAct_9fa48("64")) {
            {}
          } else {
            stryCov_9fa48("64");
            const l = lines[k]!;
            const prev = units[stryMutAct_9fa48("65") ? units.length + 1 : (stryCov_9fa48("65"), units.length - 1)];
            // in a hard-wrapped source, a line of a bullet block that is not a bullet continues the bullet
            const bulletBlock = stryMutAct_9fa48("68") ? !!opts.wrap || BULLET.test(lines[s]!.text) : stryMutAct_9fa48("67") ? false : stryMutAct_9fa48("66") ? true : (stryCov_9fa48("66", "67", "68"), (stryMutAct_9fa48("69") ? !opts.wrap : (stryCov_9fa48("69"), !(stryMutAct_9fa48("70") ? opts.wrap : (stryCov_9fa48("70"), !opts.wrap)))) && BULLET.test(lines[s]!.text));
            if (stryMutAct_9fa48("73") ? prev && (full(lines[k - 1]!.text) || bulletBlock) || !BULLET.test(l.text) : stryMutAct_9fa48("72") ? false : stryMutAct_9fa48("71") ? true : (stryCov_9fa48("71", "72", "73"), (stryMutAct_9fa48("75") ? prev || full(lines[k - 1]!.text) || bulletBlock : stryMutAct_9fa48("74") ? true : (stryCov_9fa48("74", "75"), prev && (stryMutAct_9fa48("77") ? full(lines[k - 1]!.text) && bulletBlock : stryMutAct_9fa48("76") ? true : (stryCov_9fa48("76", "77"), full(lines[stryMutAct_9fa48("78") ? k + 1 : (stryCov_9fa48("78"), k - 1)]!.text) || bulletBlock)))) && (stryMutAct_9fa48("79") ? BULLET.test(l.text) : (stryCov_9fa48("79"), !BULLET.test(l.text))))) {
              if (stryMutAct_9fa48("80")) {
                {}
              } else {
                stryCov_9fa48("80");
                stryMutAct_9fa48("81") ? prev.text -= l.text : (stryCov_9fa48("81"), prev.text += l.text);
                prev.to = stryMutAct_9fa48("82") ? k - 1 : (stryCov_9fa48("82"), k + 1);
              }
            } else units.push(stryMutAct_9fa48("83") ? {} : (stryCov_9fa48("83"), {
              text: l.text,
              src: l.src,
              from: k,
              to: stryMutAct_9fa48("84") ? k - 1 : (stryCov_9fa48("84"), k + 1)
            }));
          }
        }
        const allBullets = stryMutAct_9fa48("85") ? units.some(u => BULLET.test(u.text) && u.text.replace(BULLET, '').length > 0) : (stryCov_9fa48("85"), units.every(stryMutAct_9fa48("86") ? () => undefined : (stryCov_9fa48("86"), u => stryMutAct_9fa48("89") ? BULLET.test(u.text) || u.text.replace(BULLET, '').length > 0 : stryMutAct_9fa48("88") ? false : stryMutAct_9fa48("87") ? true : (stryCov_9fa48("87", "88", "89"), BULLET.test(u.text) && (stryMutAct_9fa48("92") ? u.text.replace(BULLET, '').length <= 0 : stryMutAct_9fa48("91") ? u.text.replace(BULLET, '').length >= 0 : stryMutAct_9fa48("90") ? true : (stryCov_9fa48("90", "91", "92"), u.text.replace(BULLET, stryMutAct_9fa48("93") ? "Stryker was here!" : (stryCov_9fa48("93"), '')).length > 0))))));
        const titleLike = stryMutAct_9fa48("96") ? units.length <= 3 || units.every(u => u.text.length <= 60 && !endsSentence(u.text) && !/[。；;]/.test(u.text) && (!/[，！？,]/.test(u.text) || u.to - u.from === 1 && !full(u.text)) && !DATELINE.test(u.text) && !matchLabel(u.text, speakers)) : stryMutAct_9fa48("95") ? false : stryMutAct_9fa48("94") ? true : (stryCov_9fa48("94", "95", "96"), (stryMutAct_9fa48("99") ? units.length > 3 : stryMutAct_9fa48("98") ? units.length < 3 : stryMutAct_9fa48("97") ? true : (stryCov_9fa48("97", "98", "99"), units.length <= 3)) && (stryMutAct_9fa48("100") ? units.some(u => u.text.length <= 60 && !endsSentence(u.text) && !/[。；;]/.test(u.text) && (!/[，！？,]/.test(u.text) || u.to - u.from === 1 && !full(u.text)) && !DATELINE.test(u.text) && !matchLabel(u.text, speakers)) : (stryCov_9fa48("100"), units.every(stryMutAct_9fa48("101") ? () => undefined : (stryCov_9fa48("101"), u => stryMutAct_9fa48("104") ? u.text.length <= 60 && !endsSentence(u.text) && !/[。；;]/.test(u.text) && (!/[，！？,]/.test(u.text) || u.to - u.from === 1 && !full(u.text)) && !DATELINE.test(u.text) || !matchLabel(u.text, speakers) : stryMutAct_9fa48("103") ? false : stryMutAct_9fa48("102") ? true : (stryCov_9fa48("102", "103", "104"), (stryMutAct_9fa48("106") ? u.text.length <= 60 && !endsSentence(u.text) && !/[。；;]/.test(u.text) && (!/[，！？,]/.test(u.text) || u.to - u.from === 1 && !full(u.text)) || !DATELINE.test(u.text) : stryMutAct_9fa48("105") ? true : (stryCov_9fa48("105", "106"), (stryMutAct_9fa48("108") ? u.text.length <= 60 && !endsSentence(u.text) && !/[。；;]/.test(u.text) || !/[，！？,]/.test(u.text) || u.to - u.from === 1 && !full(u.text) : stryMutAct_9fa48("107") ? true : (stryCov_9fa48("107", "108"), (stryMutAct_9fa48("110") ? u.text.length <= 60 && !endsSentence(u.text) || !/[。；;]/.test(u.text) : stryMutAct_9fa48("109") ? true : (stryCov_9fa48("109", "110"), (stryMutAct_9fa48("112") ? u.text.length <= 60 || !endsSentence(u.text) : stryMutAct_9fa48("111") ? true : (stryCov_9fa48("111", "112"), (stryMutAct_9fa48("115") ? u.text.length > 60 : stryMutAct_9fa48("114") ? u.text.length < 60 : stryMutAct_9fa48("113") ? true : (stryCov_9fa48("113", "114", "115"), u.text.length <= 60)) && (stryMutAct_9fa48("116") ? endsSentence(u.text) : (stryCov_9fa48("116"), !endsSentence(u.text))))) && (stryMutAct_9fa48("117") ? /[。；;]/.test(u.text) : (stryCov_9fa48("117"), !(stryMutAct_9fa48("118") ? /[^。；;]/ : (stryCov_9fa48("118"), /[。；;]/)).test(u.text))))) && (stryMutAct_9fa48("120") ? !/[，！？,]/.test(u.text) && u.to - u.from === 1 && !full(u.text) : stryMutAct_9fa48("119") ? true : (stryCov_9fa48("119", "120"), (stryMutAct_9fa48("121") ? /[，！？,]/.test(u.text) : (stryCov_9fa48("121"), !(stryMutAct_9fa48("122") ? /[^，！？,]/ : (stryCov_9fa48("122"), /[，！？,]/)).test(u.text))) || (stryMutAct_9fa48("124") ? u.to - u.from === 1 || !full(u.text) : stryMutAct_9fa48("123") ? false : (stryCov_9fa48("123", "124"), (stryMutAct_9fa48("126") ? u.to - u.from !== 1 : stryMutAct_9fa48("125") ? true : (stryCov_9fa48("125", "126"), (stryMutAct_9fa48("127") ? u.to + u.from : (stryCov_9fa48("127"), u.to - u.from)) === 1)) && (stryMutAct_9fa48("128") ? full(u.text) : (stryCov_9fa48("128"), !full(u.text))))))))) && (stryMutAct_9fa48("129") ? DATELINE.test(u.text) : (stryCov_9fa48("129"), !DATELINE.test(u.text))))) && (stryMutAct_9fa48("130") ? matchLabel(u.text, speakers) : (stryCov_9fa48("130"), !matchLabel(u.text, speakers)))))))));
        if (stryMutAct_9fa48("132") ? false : stryMutAct_9fa48("131") ? true : (stryCov_9fa48("131", "132"), allBullets)) {
          if (stryMutAct_9fa48("133")) {
            {}
          } else {
            stryCov_9fa48("133");
            for (const u of units) {
              if (stryMutAct_9fa48("134")) {
                {}
              } else {
                stryCov_9fa48("134");
                const text = stryMutAct_9fa48("135") ? u.text.replace(BULLET, '') : (stryCov_9fa48("135"), u.text.replace(BULLET, stryMutAct_9fa48("136") ? "Stryker was here!" : (stryCov_9fa48("136"), '')).trim());
                bullets.push(stryMutAct_9fa48("137") ? {} : (stryCov_9fa48("137"), {
                  text,
                  src: u.src
                }));
                ctx.report(stryMutAct_9fa48("138") ? `` : (stryCov_9fa48("138"), `digest headline bullet moved to highlights: ${text}`), stryMutAct_9fa48("139") ? {} : (stryCov_9fa48("139"), {
                  line: u.src
                }));
                for (let k = u.from; stryMutAct_9fa48("142") ? k >= u.to : stryMutAct_9fa48("141") ? k <= u.to : stryMutAct_9fa48("140") ? false : (stryCov_9fa48("140", "141", "142"), k < u.to); stryMutAct_9fa48("143") ? k-- : (stryCov_9fa48("143"), k++)) lines[k] = stryMutAct_9fa48("144") ? {} : (stryCov_9fa48("144"), {
                  text: stryMutAct_9fa48("145") ? "Stryker was here!" : (stryCov_9fa48("145"), ''),
                  src: lines[k]!.src
                });
              }
            }
          }
        } else if (stryMutAct_9fa48("148") ? titleLike || !bullets.length : stryMutAct_9fa48("147") ? false : stryMutAct_9fa48("146") ? true : (stryCov_9fa48("146", "147", "148"), titleLike && (stryMutAct_9fa48("149") ? bullets.length : (stryCov_9fa48("149"), !bullets.length)))) {
          if (stryMutAct_9fa48("150")) {
            {}
          } else {
            stryCov_9fa48("150");
            for (const u of units) {
              if (stryMutAct_9fa48("151")) {
                {}
              } else {
                stryCov_9fa48("151");
                titles.push(stryMutAct_9fa48("152") ? u.text : (stryCov_9fa48("152"), u.text.trim()));
                for (let k = u.from; stryMutAct_9fa48("155") ? k >= u.to : stryMutAct_9fa48("154") ? k <= u.to : stryMutAct_9fa48("153") ? false : (stryCov_9fa48("153", "154", "155"), k < u.to); stryMutAct_9fa48("156") ? k-- : (stryCov_9fa48("156"), k++)) {
                  if (stryMutAct_9fa48("157")) {
                    {}
                  } else {
                    stryCov_9fa48("157");
                    const l = lines[k]!;
                    ctx.report(stryMutAct_9fa48("158") ? "" : (stryCov_9fa48("158"), 'title line moved to metadata'), stryMutAct_9fa48("159") ? {} : (stryCov_9fa48("159"), {
                      line: l.src,
                      removed: l.text,
                      severity: stryMutAct_9fa48("160") ? "" : (stryCov_9fa48("160"), 'info')
                    }));
                    lines[k] = stryMutAct_9fa48("161") ? {} : (stryCov_9fa48("161"), {
                      text: stryMutAct_9fa48("162") ? "Stryker was here!" : (stryCov_9fa48("162"), ''),
                      src: l.src
                    });
                  }
                }
              }
            }
          }
        } else break;
      }
    }
    ctx.fix(stryMutAct_9fa48("163") ? titles.length - bullets.length : (stryCov_9fa48("163"), titles.length + bullets.length));
    return lines;
  }
}
export const headRule: CleaningRule = stryMutAct_9fa48("164") ? {} : (stryCov_9fa48("164"), {
  name: stryMutAct_9fa48("165") ? "" : (stryCov_9fa48("165"), 'head'),
  stage: stryMutAct_9fa48("166") ? "" : (stryCov_9fa48("166"), 'lines'),
  description: stryMutAct_9fa48("167") ? "" : (stryCov_9fa48("167"), 'title lines above the transcript moved to metadata, digest headline bullets to highlights'),
  applies: stryMutAct_9fa48("168") ? () => undefined : (stryCov_9fa48("168"), () => stryMutAct_9fa48("169") ? false : (stryCov_9fa48("169"), true)),
  transform
});
export function head(input: Line[], file: string, speakers: Set<string>, opts: {
  segmented?: boolean;
  wrap?: number;
} = {}): HeadResult {
  if (stryMutAct_9fa48("170")) {
    {}
  } else {
    stryCov_9fa48("170");
    const r = applyRule(headRule, input, file, stryMutAct_9fa48("171") ? {} : (stryCov_9fa48("171"), {
      speakers,
      wrap: opts.wrap,
      layout: stryMutAct_9fa48("172") ? {} : (stryCov_9fa48("172"), {
        base: opts.segmented ? stryMutAct_9fa48("173") ? "" : (stryCov_9fa48("173"), 'segmented') : opts.wrap ? stryMutAct_9fa48("174") ? "" : (stryCov_9fa48("174"), 'columns') : stryMutAct_9fa48("175") ? "" : (stryCov_9fa48("175"), 'paragraphs'),
        digestHead: stryMutAct_9fa48("176") ? true : (stryCov_9fa48("176"), false)
      })
    }));
    return stryMutAct_9fa48("177") ? {} : (stryCov_9fa48("177"), {
      lines: r.lines,
      diags: r.diags,
      fixes: r.fixes,
      titles: r.out.titles,
      bullets: r.out.bullets
    });
  }
}