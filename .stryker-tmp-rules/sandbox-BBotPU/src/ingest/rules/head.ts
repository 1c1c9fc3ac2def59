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
const BULLET = stryMutAct_9fa48("232") ? /^[-•●▪■◆·]\S*/ : stryMutAct_9fa48("231") ? /^[-•●▪■◆·]\s/ : stryMutAct_9fa48("230") ? /^[^-•●▪■◆·]\s*/ : stryMutAct_9fa48("229") ? /[-•●▪■◆·]\s*/ : (stryCov_9fa48("229", "230", "231", "232"), /^[-•●▪■◆·]\s*/);
/** a dateline ("新华社北京3月7日电") opens the report: it is not a title */
const DATELINE = stryMutAct_9fa48("236") ? /\d{1,2}月\D{1,2}日电/ : stryMutAct_9fa48("235") ? /\d{1,2}月\d日电/ : stryMutAct_9fa48("234") ? /\D{1,2}月\d{1,2}日电/ : stryMutAct_9fa48("233") ? /\d月\d{1,2}日电/ : (stryCov_9fa48("233", "234", "235", "236"), /\d{1,2}月\d{1,2}日电/);
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
  if (stryMutAct_9fa48("237")) {
    {}
  } else {
    stryCov_9fa48("237");
    const opts = stryMutAct_9fa48("238") ? {} : (stryCov_9fa48("238"), {
      segmented: stryMutAct_9fa48("241") ? ctx.layout.base !== 'segmented' : stryMutAct_9fa48("240") ? false : stryMutAct_9fa48("239") ? true : (stryCov_9fa48("239", "240", "241"), ctx.layout.base === (stryMutAct_9fa48("242") ? "" : (stryCov_9fa48("242"), 'segmented'))),
      wrap: stryMutAct_9fa48("243") ? ctx.wrap && (ctx.layout.base === 'columns' ? wrapWidth(input) : undefined) : (stryCov_9fa48("243"), ctx.wrap ?? ((stryMutAct_9fa48("246") ? ctx.layout.base !== 'columns' : stryMutAct_9fa48("245") ? false : stryMutAct_9fa48("244") ? true : (stryCov_9fa48("244", "245", "246"), ctx.layout.base === (stryMutAct_9fa48("247") ? "" : (stryCov_9fa48("247"), 'columns')))) ? wrapWidth(input) : undefined))
    });
    const speakers = ctx.speakers;
    const lines = stryMutAct_9fa48("248") ? input : (stryCov_9fa48("248"), input.slice()); // entries are replaced, never mutated
    const titles = ctx.out.titles;
    const bullets = ctx.out.bullets;
    let i = 0;
    while (stryMutAct_9fa48("251") ? i >= lines.length : stryMutAct_9fa48("250") ? i <= lines.length : stryMutAct_9fa48("249") ? false : (stryCov_9fa48("249", "250", "251"), i < lines.length)) {
      if (stryMutAct_9fa48("252")) {
        {}
      } else {
        stryCov_9fa48("252");
        while (stryMutAct_9fa48("254") ? i < lines.length || lines[i]!.text === '' : stryMutAct_9fa48("253") ? false : (stryCov_9fa48("253", "254"), (stryMutAct_9fa48("257") ? i >= lines.length : stryMutAct_9fa48("256") ? i <= lines.length : stryMutAct_9fa48("255") ? true : (stryCov_9fa48("255", "256", "257"), i < lines.length)) && (stryMutAct_9fa48("259") ? lines[i]!.text !== '' : stryMutAct_9fa48("258") ? true : (stryCov_9fa48("258", "259"), lines[i]!.text === (stryMutAct_9fa48("260") ? "Stryker was here!" : (stryCov_9fa48("260"), '')))))) stryMutAct_9fa48("261") ? i-- : (stryCov_9fa48("261"), i++);
        if (stryMutAct_9fa48("265") ? i < lines.length : stryMutAct_9fa48("264") ? i > lines.length : stryMutAct_9fa48("263") ? false : stryMutAct_9fa48("262") ? true : (stryCov_9fa48("262", "263", "264", "265"), i >= lines.length)) break;
        const s = i;
        if (stryMutAct_9fa48("267") ? false : stryMutAct_9fa48("266") ? true : (stryCov_9fa48("266", "267"), opts.segmented)) stryMutAct_9fa48("268") ? i-- : (stryCov_9fa48("268"), i++);else while (stryMutAct_9fa48("270") ? i < lines.length || lines[i]!.text !== '' : stryMutAct_9fa48("269") ? false : (stryCov_9fa48("269", "270"), (stryMutAct_9fa48("273") ? i >= lines.length : stryMutAct_9fa48("272") ? i <= lines.length : stryMutAct_9fa48("271") ? true : (stryCov_9fa48("271", "272", "273"), i < lines.length)) && (stryMutAct_9fa48("275") ? lines[i]!.text === '' : stryMutAct_9fa48("274") ? true : (stryCov_9fa48("274", "275"), lines[i]!.text !== (stryMutAct_9fa48("276") ? "Stryker was here!" : (stryCov_9fa48("276"), '')))))) stryMutAct_9fa48("277") ? i-- : (stryCov_9fa48("277"), i++);
        // a line that reaches the column (within one Han character) was cut by the wrap
        const full = stryMutAct_9fa48("278") ? () => undefined : (stryCov_9fa48("278"), (() => {
          const full = (t: string) => stryMutAct_9fa48("281") ? !!opts.wrap || displayWidth(t) >= opts.wrap - 2 : stryMutAct_9fa48("280") ? false : stryMutAct_9fa48("279") ? true : (stryCov_9fa48("279", "280", "281"), (stryMutAct_9fa48("282") ? !opts.wrap : (stryCov_9fa48("282"), !(stryMutAct_9fa48("283") ? opts.wrap : (stryCov_9fa48("283"), !opts.wrap)))) && (stryMutAct_9fa48("286") ? displayWidth(t) < opts.wrap - 2 : stryMutAct_9fa48("285") ? displayWidth(t) > opts.wrap - 2 : stryMutAct_9fa48("284") ? true : (stryCov_9fa48("284", "285", "286"), displayWidth(t) >= (stryMutAct_9fa48("287") ? opts.wrap + 2 : (stryCov_9fa48("287"), opts.wrap - 2)))));
          return full;
        })());
        // a hard-wrapped source cuts a long bullet or title into full-width lines: a line that
        // follows a full-width line of the same block continues it
        const units: {
          text: string;
          src: number;
          from: number;
          to: number;
        }[] = stryMutAct_9fa48("288") ? ["Stryker was here"] : (stryCov_9fa48("288"), []);
        for (let k = s; stryMutAct_9fa48("291") ? k >= i : stryMutAct_9fa48("290") ? k <= i : stryMutAct_9fa48("289") ? false : (stryCov_9fa48("289", "290", "291"), k < i); stryMutAct_9fa48("292") ? k-- : (stryCov_9fa48("292"), k++)) {
          if (stryMutAct_9fa48("293")) {
            {}
          } else {
            stryCov_9fa48("293");
            const l = lines[k]!;
            const prev = units[stryMutAct_9fa48("294") ? units.length + 1 : (stryCov_9fa48("294"), units.length - 1)];
            // in a hard-wrapped source, a line of a bullet block that is not a bullet continues the bullet
            const bulletBlock = stryMutAct_9fa48("297") ? !!opts.wrap || BULLET.test(lines[s]!.text) : stryMutAct_9fa48("296") ? false : stryMutAct_9fa48("295") ? true : (stryCov_9fa48("295", "296", "297"), (stryMutAct_9fa48("298") ? !opts.wrap : (stryCov_9fa48("298"), !(stryMutAct_9fa48("299") ? opts.wrap : (stryCov_9fa48("299"), !opts.wrap)))) && BULLET.test(lines[s]!.text));
            if (stryMutAct_9fa48("302") ? prev && (full(lines[k - 1]!.text) || bulletBlock) || !BULLET.test(l.text) : stryMutAct_9fa48("301") ? false : stryMutAct_9fa48("300") ? true : (stryCov_9fa48("300", "301", "302"), (stryMutAct_9fa48("304") ? prev || full(lines[k - 1]!.text) || bulletBlock : stryMutAct_9fa48("303") ? true : (stryCov_9fa48("303", "304"), prev && (stryMutAct_9fa48("306") ? full(lines[k - 1]!.text) && bulletBlock : stryMutAct_9fa48("305") ? true : (stryCov_9fa48("305", "306"), full(lines[stryMutAct_9fa48("307") ? k + 1 : (stryCov_9fa48("307"), k - 1)]!.text) || bulletBlock)))) && (stryMutAct_9fa48("308") ? BULLET.test(l.text) : (stryCov_9fa48("308"), !BULLET.test(l.text))))) {
              if (stryMutAct_9fa48("309")) {
                {}
              } else {
                stryCov_9fa48("309");
                stryMutAct_9fa48("310") ? prev.text -= l.text : (stryCov_9fa48("310"), prev.text += l.text);
                prev.to = stryMutAct_9fa48("311") ? k - 1 : (stryCov_9fa48("311"), k + 1);
              }
            } else units.push(stryMutAct_9fa48("312") ? {} : (stryCov_9fa48("312"), {
              text: l.text,
              src: l.src,
              from: k,
              to: stryMutAct_9fa48("313") ? k - 1 : (stryCov_9fa48("313"), k + 1)
            }));
          }
        }
        const allBullets = stryMutAct_9fa48("314") ? units.some(u => BULLET.test(u.text) && u.text.replace(BULLET, '').length > 0) : (stryCov_9fa48("314"), units.every(stryMutAct_9fa48("315") ? () => undefined : (stryCov_9fa48("315"), u => stryMutAct_9fa48("318") ? BULLET.test(u.text) || u.text.replace(BULLET, '').length > 0 : stryMutAct_9fa48("317") ? false : stryMutAct_9fa48("316") ? true : (stryCov_9fa48("316", "317", "318"), BULLET.test(u.text) && (stryMutAct_9fa48("321") ? u.text.replace(BULLET, '').length <= 0 : stryMutAct_9fa48("320") ? u.text.replace(BULLET, '').length >= 0 : stryMutAct_9fa48("319") ? true : (stryCov_9fa48("319", "320", "321"), u.text.replace(BULLET, stryMutAct_9fa48("322") ? "Stryker was here!" : (stryCov_9fa48("322"), '')).length > 0))))));
        const titleLike = stryMutAct_9fa48("325") ? units.length <= 3 || units.every(u => u.text.length <= 60 && !endsSentence(u.text) && !/[。；;]/.test(u.text) && (!/[，！？,]/.test(u.text) || u.to - u.from === 1 && !full(u.text)) && !DATELINE.test(u.text) && !matchLabel(u.text, speakers)) : stryMutAct_9fa48("324") ? false : stryMutAct_9fa48("323") ? true : (stryCov_9fa48("323", "324", "325"), (stryMutAct_9fa48("328") ? units.length > 3 : stryMutAct_9fa48("327") ? units.length < 3 : stryMutAct_9fa48("326") ? true : (stryCov_9fa48("326", "327", "328"), units.length <= 3)) && (stryMutAct_9fa48("329") ? units.some(u => u.text.length <= 60 && !endsSentence(u.text) && !/[。；;]/.test(u.text) && (!/[，！？,]/.test(u.text) || u.to - u.from === 1 && !full(u.text)) && !DATELINE.test(u.text) && !matchLabel(u.text, speakers)) : (stryCov_9fa48("329"), units.every(stryMutAct_9fa48("330") ? () => undefined : (stryCov_9fa48("330"), u => stryMutAct_9fa48("333") ? u.text.length <= 60 && !endsSentence(u.text) && !/[。；;]/.test(u.text) && (!/[，！？,]/.test(u.text) || u.to - u.from === 1 && !full(u.text)) && !DATELINE.test(u.text) || !matchLabel(u.text, speakers) : stryMutAct_9fa48("332") ? false : stryMutAct_9fa48("331") ? true : (stryCov_9fa48("331", "332", "333"), (stryMutAct_9fa48("335") ? u.text.length <= 60 && !endsSentence(u.text) && !/[。；;]/.test(u.text) && (!/[，！？,]/.test(u.text) || u.to - u.from === 1 && !full(u.text)) || !DATELINE.test(u.text) : stryMutAct_9fa48("334") ? true : (stryCov_9fa48("334", "335"), (stryMutAct_9fa48("337") ? u.text.length <= 60 && !endsSentence(u.text) && !/[。；;]/.test(u.text) || !/[，！？,]/.test(u.text) || u.to - u.from === 1 && !full(u.text) : stryMutAct_9fa48("336") ? true : (stryCov_9fa48("336", "337"), (stryMutAct_9fa48("339") ? u.text.length <= 60 && !endsSentence(u.text) || !/[。；;]/.test(u.text) : stryMutAct_9fa48("338") ? true : (stryCov_9fa48("338", "339"), (stryMutAct_9fa48("341") ? u.text.length <= 60 || !endsSentence(u.text) : stryMutAct_9fa48("340") ? true : (stryCov_9fa48("340", "341"), (stryMutAct_9fa48("344") ? u.text.length > 60 : stryMutAct_9fa48("343") ? u.text.length < 60 : stryMutAct_9fa48("342") ? true : (stryCov_9fa48("342", "343", "344"), u.text.length <= 60)) && (stryMutAct_9fa48("345") ? endsSentence(u.text) : (stryCov_9fa48("345"), !endsSentence(u.text))))) && (stryMutAct_9fa48("346") ? /[。；;]/.test(u.text) : (stryCov_9fa48("346"), !(stryMutAct_9fa48("347") ? /[^。；;]/ : (stryCov_9fa48("347"), /[。；;]/)).test(u.text))))) && (stryMutAct_9fa48("349") ? !/[，！？,]/.test(u.text) && u.to - u.from === 1 && !full(u.text) : stryMutAct_9fa48("348") ? true : (stryCov_9fa48("348", "349"), (stryMutAct_9fa48("350") ? /[，！？,]/.test(u.text) : (stryCov_9fa48("350"), !(stryMutAct_9fa48("351") ? /[^，！？,]/ : (stryCov_9fa48("351"), /[，！？,]/)).test(u.text))) || (stryMutAct_9fa48("353") ? u.to - u.from === 1 || !full(u.text) : stryMutAct_9fa48("352") ? false : (stryCov_9fa48("352", "353"), (stryMutAct_9fa48("355") ? u.to - u.from !== 1 : stryMutAct_9fa48("354") ? true : (stryCov_9fa48("354", "355"), (stryMutAct_9fa48("356") ? u.to + u.from : (stryCov_9fa48("356"), u.to - u.from)) === 1)) && (stryMutAct_9fa48("357") ? full(u.text) : (stryCov_9fa48("357"), !full(u.text))))))))) && (stryMutAct_9fa48("358") ? DATELINE.test(u.text) : (stryCov_9fa48("358"), !DATELINE.test(u.text))))) && (stryMutAct_9fa48("359") ? matchLabel(u.text, speakers) : (stryCov_9fa48("359"), !matchLabel(u.text, speakers)))))))));
        if (stryMutAct_9fa48("361") ? false : stryMutAct_9fa48("360") ? true : (stryCov_9fa48("360", "361"), allBullets)) {
          if (stryMutAct_9fa48("362")) {
            {}
          } else {
            stryCov_9fa48("362");
            for (const u of units) {
              if (stryMutAct_9fa48("363")) {
                {}
              } else {
                stryCov_9fa48("363");
                const text = stryMutAct_9fa48("364") ? u.text.replace(BULLET, '') : (stryCov_9fa48("364"), u.text.replace(BULLET, stryMutAct_9fa48("365") ? "Stryker was here!" : (stryCov_9fa48("365"), '')).trim());
                bullets.push(stryMutAct_9fa48("366") ? {} : (stryCov_9fa48("366"), {
                  text,
                  src: u.src
                }));
                ctx.report(stryMutAct_9fa48("367") ? `` : (stryCov_9fa48("367"), `digest headline bullet moved to highlights: ${text}`), stryMutAct_9fa48("368") ? {} : (stryCov_9fa48("368"), {
                  line: u.src
                }));
                for (let k = u.from; stryMutAct_9fa48("371") ? k >= u.to : stryMutAct_9fa48("370") ? k <= u.to : stryMutAct_9fa48("369") ? false : (stryCov_9fa48("369", "370", "371"), k < u.to); stryMutAct_9fa48("372") ? k-- : (stryCov_9fa48("372"), k++)) lines[k] = stryMutAct_9fa48("373") ? {} : (stryCov_9fa48("373"), {
                  text: stryMutAct_9fa48("374") ? "Stryker was here!" : (stryCov_9fa48("374"), ''),
                  src: lines[k]!.src
                });
              }
            }
          }
        } else if (stryMutAct_9fa48("377") ? titleLike || !bullets.length : stryMutAct_9fa48("376") ? false : stryMutAct_9fa48("375") ? true : (stryCov_9fa48("375", "376", "377"), titleLike && (stryMutAct_9fa48("378") ? bullets.length : (stryCov_9fa48("378"), !bullets.length)))) {
          if (stryMutAct_9fa48("379")) {
            {}
          } else {
            stryCov_9fa48("379");
            for (const u of units) {
              if (stryMutAct_9fa48("380")) {
                {}
              } else {
                stryCov_9fa48("380");
                titles.push(stryMutAct_9fa48("381") ? u.text : (stryCov_9fa48("381"), u.text.trim()));
                for (let k = u.from; stryMutAct_9fa48("384") ? k >= u.to : stryMutAct_9fa48("383") ? k <= u.to : stryMutAct_9fa48("382") ? false : (stryCov_9fa48("382", "383", "384"), k < u.to); stryMutAct_9fa48("385") ? k-- : (stryCov_9fa48("385"), k++)) {
                  if (stryMutAct_9fa48("386")) {
                    {}
                  } else {
                    stryCov_9fa48("386");
                    const l = lines[k]!;
                    ctx.report(stryMutAct_9fa48("387") ? "" : (stryCov_9fa48("387"), 'title line moved to metadata'), stryMutAct_9fa48("388") ? {} : (stryCov_9fa48("388"), {
                      line: l.src,
                      removed: l.text,
                      severity: stryMutAct_9fa48("389") ? "" : (stryCov_9fa48("389"), 'info')
                    }));
                    lines[k] = stryMutAct_9fa48("390") ? {} : (stryCov_9fa48("390"), {
                      text: stryMutAct_9fa48("391") ? "Stryker was here!" : (stryCov_9fa48("391"), ''),
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
    ctx.fix(stryMutAct_9fa48("392") ? titles.length - bullets.length : (stryCov_9fa48("392"), titles.length + bullets.length));
    return lines;
  }
}
export const headRule: CleaningRule = stryMutAct_9fa48("393") ? {} : (stryCov_9fa48("393"), {
  name: stryMutAct_9fa48("394") ? "" : (stryCov_9fa48("394"), 'head'),
  stage: stryMutAct_9fa48("395") ? "" : (stryCov_9fa48("395"), 'lines'),
  description: stryMutAct_9fa48("396") ? "" : (stryCov_9fa48("396"), 'title lines above the transcript moved to metadata, digest headline bullets to highlights'),
  applies: stryMutAct_9fa48("397") ? () => undefined : (stryCov_9fa48("397"), () => stryMutAct_9fa48("398") ? false : (stryCov_9fa48("398"), true)),
  transform
});
export function head(input: Line[], file: string, speakers: Set<string>, opts: {
  segmented?: boolean;
  wrap?: number;
} = {}): HeadResult {
  if (stryMutAct_9fa48("399")) {
    {}
  } else {
    stryCov_9fa48("399");
    const r = applyRule(headRule, input, file, stryMutAct_9fa48("400") ? {} : (stryCov_9fa48("400"), {
      speakers,
      wrap: opts.wrap,
      layout: stryMutAct_9fa48("401") ? {} : (stryCov_9fa48("401"), {
        base: opts.segmented ? stryMutAct_9fa48("402") ? "" : (stryCov_9fa48("402"), 'segmented') : opts.wrap ? stryMutAct_9fa48("403") ? "" : (stryCov_9fa48("403"), 'columns') : stryMutAct_9fa48("404") ? "" : (stryCov_9fa48("404"), 'paragraphs'),
        digestHead: stryMutAct_9fa48("405") ? true : (stryCov_9fa48("405"), false)
      })
    }));
    return stryMutAct_9fa48("406") ? {} : (stryCov_9fa48("406"), {
      lines: r.lines,
      diags: r.diags,
      fixes: r.fixes,
      titles: r.out.titles,
      bullets: r.out.bullets
    });
  }
}