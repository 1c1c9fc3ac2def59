/**
 * corruption: degenerate repetition (a paragraph looped over and over, often behind a counting
 * prefix such as "第十二，") and text cut off mid-sentence. Such text is removed from the
 * transcript (reported with its source line and the removed text) and the source is marked damaged.
 *
 * Legitimate repetition is never removed:
 * - a loop is the same text coming back again and again, back to back, inside ONE turn: a
 *   paragraph counts as a copy only when ≥ 80% of its Han characters repeat sentences of the same
 *   turn, and a loop is a run of at least two consecutive copies (the text three times or more). A spokesperson's formula repeated in
 *   two answers, an answer quoting the question, a sentence said twice for emphasis: kept;
 * - a paragraph that starts a turn (a label) is not a copy — a repeated answer is an answer — unless
 *   it is the very same paragraph as the one just before it (a labelled paragraph looping);
 * - a single paragraph repeated once is kept and reported as an info message.
 *
 * Cut off mid-sentence: the last paragraph of a turn (or of the text) that stops inside a
 * sentence of prose. Stage directions and asides in brackets ("（记者笑）") end a paragraph
 * legitimately; a line without any sentence punctuation (a title, a date, a signature) is not
 * prose and is left alone. A finished sentence whose final "。" the editor forgot looks exactly
 * like a cut one, so the unfinished fragment is removed only in a source that the loop test has
 * already shown damaged; elsewhere it is kept and reported as a warning.
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
import { countHan, endsCleanly, endsSentence, splitSentences } from '../text.js';
import { applyRule, type CleaningRule, type RuleContext } from './rule.js';
const COUNTER = stryMutAct_9fa48("6") ? /^第[一二三四五六七八九十百零〇两\d]+[，、,.．]\S*/u : stryMutAct_9fa48("5") ? /^第[一二三四五六七八九十百零〇两\d]+[，、,.．]\s/u : stryMutAct_9fa48("4") ? /^第[一二三四五六七八九十百零〇两\d]+[^，、,.．]\s*/u : stryMutAct_9fa48("3") ? /^第[一二三四五六七八九十百零〇两\D]+[，、,.．]\s*/u : stryMutAct_9fa48("2") ? /^第[^一二三四五六七八九十百零〇两\d]+[，、,.．]\s*/u : stryMutAct_9fa48("1") ? /^第[一二三四五六七八九十百零〇两\d][，、,.．]\s*/u : stryMutAct_9fa48("0") ? /第[一二三四五六七八九十百零〇两\d]+[，、,.．]\s*/u : (stryCov_9fa48("0", "1", "2", "3", "4", "5", "6"), /^第[一二三四五六七八九十百零〇两\d]+[，、,.．]\s*/u);

/** the label that opens a turn: up to the first colon */
const LABEL = stryMutAct_9fa48("10") ? /^[^，。！？：:]{1,40}[^：:]/u : stryMutAct_9fa48("9") ? /^[，。！？：:]{1,40}[：:]/u : stryMutAct_9fa48("8") ? /^[^，。！？：:][：:]/u : stryMutAct_9fa48("7") ? /[^，。！？：:]{1,40}[：:]/u : (stryCov_9fa48("7", "8", "9", "10"), /^[^，。！？：:]{1,40}[：:]/u);
const IGNORED_RE = stryMutAct_9fa48("11") ? /[^ \t，。！？；：、“”‘’（）《》]/g : (stryCov_9fa48("11"), /[ \t，。！？；：、“”‘’（）《》]/g);

/** the sentence without a counting prefix, spaces and punctuation */
function key(sentence: string): string {
  if (stryMutAct_9fa48("12")) {
    {}
  } else {
    stryCov_9fa48("12");
    const s = (stryMutAct_9fa48("15") ? sentence.charCodeAt(0) !== 0x7b2c /* 第 */ : stryMutAct_9fa48("14") ? false : stryMutAct_9fa48("13") ? true : (stryCov_9fa48("13", "14", "15"), sentence.charCodeAt(0) === 0x7b2c) /* 第 */) ? sentence.replace(COUNTER, stryMutAct_9fa48("16") ? "Stryker was here!" : (stryCov_9fa48("16"), '')) : sentence;
    return s.replace(IGNORED_RE, stryMutAct_9fa48("17") ? "Stryker was here!" : (stryCov_9fa48("17"), ''));
  }
}

/** minimal key length (characters) for a sentence to count as repeated */
const MIN_KEY = 4;
/** a cut-off copy matches an earlier sentence on this many leading characters */
const PREFIX = 12;
/** a copy: at least this many Han characters, this share of them repeated */
const MIN_HAN = 30;
const MIN_REPEATED_HAN = 24;
const SHARE = 0.8;
/** back-to-back copies before it is a loop (the text then occurs at least three times) */
const LOOP_COPIES = 2;

/** Sentence punctuation inside a text: it is prose, not a title or a date line. */
const PROSE = stryMutAct_9fa48("18") ? /[^，。！？；：,;]/ : (stryCov_9fa48("18"), /[，。！？；：,;]/);
export interface CorruptionResult extends RuleResult {
  repeated: number;
  truncated: number;
}
export { endsCleanly };
function transform(paras: Line[], ctx: RuleContext): Line[] {
  if (stryMutAct_9fa48("19")) {
    {}
  } else {
    stryCov_9fa48("19");
    const {
      isBoundary
    } = ctx;
    // pass 1: candidate copies, turn by turn
    type Cand = {
      para: number;
      turn: number;
    };
    const candidates: Cand[] = stryMutAct_9fa48("20") ? ["Stryker was here"] : (stryCov_9fa48("20"), []);
    let seen = new Set<string>();
    let seenPrefix = new Set<string>();
    let turn = 0;
    for (let p = 0; stryMutAct_9fa48("23") ? p >= paras.length : stryMutAct_9fa48("22") ? p <= paras.length : stryMutAct_9fa48("21") ? false : (stryCov_9fa48("21", "22", "23"), p < paras.length); stryMutAct_9fa48("24") ? p-- : (stryCov_9fa48("24"), p++)) {
      if (stryMutAct_9fa48("25")) {
        {}
      } else {
        stryCov_9fa48("25");
        const para = paras[p]!;
        // the very same labelled paragraph again, right after itself ("答：…" / "答：…"): the
        // same turn looping, not a new turn
        const same = stryMutAct_9fa48("28") ? p > 0 && para.text === paras[p - 1]!.text || countHan(para.text) >= MIN_HAN : stryMutAct_9fa48("27") ? false : stryMutAct_9fa48("26") ? true : (stryCov_9fa48("26", "27", "28"), (stryMutAct_9fa48("30") ? p > 0 || para.text === paras[p - 1]!.text : stryMutAct_9fa48("29") ? true : (stryCov_9fa48("29", "30"), (stryMutAct_9fa48("33") ? p <= 0 : stryMutAct_9fa48("32") ? p >= 0 : stryMutAct_9fa48("31") ? true : (stryCov_9fa48("31", "32", "33"), p > 0)) && (stryMutAct_9fa48("35") ? para.text !== paras[p - 1]!.text : stryMutAct_9fa48("34") ? true : (stryCov_9fa48("34", "35"), para.text === paras[stryMutAct_9fa48("36") ? p + 1 : (stryCov_9fa48("36"), p - 1)]!.text)))) && (stryMutAct_9fa48("39") ? countHan(para.text) < MIN_HAN : stryMutAct_9fa48("38") ? countHan(para.text) > MIN_HAN : stryMutAct_9fa48("37") ? true : (stryCov_9fa48("37", "38", "39"), countHan(para.text) >= MIN_HAN)));
        if (stryMutAct_9fa48("41") ? false : stryMutAct_9fa48("40") ? true : (stryCov_9fa48("40", "41"), same)) {
          if (stryMutAct_9fa48("42")) {
            {}
          } else {
            stryCov_9fa48("42");
            candidates.push(stryMutAct_9fa48("43") ? {} : (stryCov_9fa48("43"), {
              para: p,
              turn
            }));
            continue;
          }
        }
        const starts = isBoundary(para.text);
        if (stryMutAct_9fa48("45") ? false : stryMutAct_9fa48("44") ? true : (stryCov_9fa48("44", "45"), starts)) {
          if (stryMutAct_9fa48("46")) {
            {}
          } else {
            stryCov_9fa48("46");
            stryMutAct_9fa48("47") ? turn-- : (stryCov_9fa48("47"), turn++);
            seen = new Set();
            seenPrefix = new Set();
          }
        }
        const sentences = splitSentences(para.text);
        // a turn's label ("答：", "王毅：") is not part of what is said
        if (stryMutAct_9fa48("50") ? starts || sentences.length : stryMutAct_9fa48("49") ? false : stryMutAct_9fa48("48") ? true : (stryCov_9fa48("48", "49", "50"), starts && sentences.length)) sentences[0] = sentences[0]!.replace(LABEL, stryMutAct_9fa48("51") ? "Stryker was here!" : (stryCov_9fa48("51"), ''));
        const keys = sentences.map(key);
        let seenHan = 0;
        if (stryMutAct_9fa48("54") ? false : stryMutAct_9fa48("53") ? true : stryMutAct_9fa48("52") ? starts : (stryCov_9fa48("52", "53", "54"), !starts)) for (let k = 0; stryMutAct_9fa48("57") ? k >= sentences.length : stryMutAct_9fa48("56") ? k <= sentences.length : stryMutAct_9fa48("55") ? false : (stryCov_9fa48("55", "56", "57"), k < sentences.length); stryMutAct_9fa48("58") ? k-- : (stryCov_9fa48("58"), k++)) {
          if (stryMutAct_9fa48("59")) {
            {}
          } else {
            stryCov_9fa48("59");
            const sk = keys[k]!;
            if (stryMutAct_9fa48("63") ? sk.length >= MIN_KEY : stryMutAct_9fa48("62") ? sk.length <= MIN_KEY : stryMutAct_9fa48("61") ? false : stryMutAct_9fa48("60") ? true : (stryCov_9fa48("60", "61", "62", "63"), sk.length < MIN_KEY)) continue;
            const last = stryMutAct_9fa48("66") ? k === sentences.length - 1 || !endsSentence(sentences[k]!) : stryMutAct_9fa48("65") ? false : stryMutAct_9fa48("64") ? true : (stryCov_9fa48("64", "65", "66"), (stryMutAct_9fa48("68") ? k !== sentences.length - 1 : stryMutAct_9fa48("67") ? true : (stryCov_9fa48("67", "68"), k === (stryMutAct_9fa48("69") ? sentences.length + 1 : (stryCov_9fa48("69"), sentences.length - 1)))) && (stryMutAct_9fa48("70") ? endsSentence(sentences[k]!) : (stryCov_9fa48("70"), !endsSentence(sentences[k]!))));
            if (stryMutAct_9fa48("73") ? seen.has(sk) && last && sk.length >= PREFIX && seenPrefix.has(sk.slice(0, PREFIX)) : stryMutAct_9fa48("72") ? false : stryMutAct_9fa48("71") ? true : (stryCov_9fa48("71", "72", "73"), seen.has(sk) || (stryMutAct_9fa48("75") ? last && sk.length >= PREFIX || seenPrefix.has(sk.slice(0, PREFIX)) : stryMutAct_9fa48("74") ? false : (stryCov_9fa48("74", "75"), (stryMutAct_9fa48("77") ? last || sk.length >= PREFIX : stryMutAct_9fa48("76") ? true : (stryCov_9fa48("76", "77"), last && (stryMutAct_9fa48("80") ? sk.length < PREFIX : stryMutAct_9fa48("79") ? sk.length > PREFIX : stryMutAct_9fa48("78") ? true : (stryCov_9fa48("78", "79", "80"), sk.length >= PREFIX)))) && seenPrefix.has(stryMutAct_9fa48("81") ? sk : (stryCov_9fa48("81"), sk.slice(0, PREFIX))))))) stryMutAct_9fa48("82") ? seenHan -= countHan(sentences[k]!) : (stryCov_9fa48("82"), seenHan += countHan(sentences[k]!));
          }
        }
        const han = (stryMutAct_9fa48("86") ? seenHan < MIN_REPEATED_HAN : stryMutAct_9fa48("85") ? seenHan > MIN_REPEATED_HAN : stryMutAct_9fa48("84") ? false : stryMutAct_9fa48("83") ? true : (stryCov_9fa48("83", "84", "85", "86"), seenHan >= MIN_REPEATED_HAN)) ? countHan(para.text) : 0;
        if (stryMutAct_9fa48("89") ? han >= MIN_HAN || seenHan / han >= SHARE : stryMutAct_9fa48("88") ? false : stryMutAct_9fa48("87") ? true : (stryCov_9fa48("87", "88", "89"), (stryMutAct_9fa48("92") ? han < MIN_HAN : stryMutAct_9fa48("91") ? han > MIN_HAN : stryMutAct_9fa48("90") ? true : (stryCov_9fa48("90", "91", "92"), han >= MIN_HAN)) && (stryMutAct_9fa48("95") ? seenHan / han < SHARE : stryMutAct_9fa48("94") ? seenHan / han > SHARE : stryMutAct_9fa48("93") ? true : (stryCov_9fa48("93", "94", "95"), (stryMutAct_9fa48("96") ? seenHan * han : (stryCov_9fa48("96"), seenHan / han)) >= SHARE)))) {
          if (stryMutAct_9fa48("97")) {
            {}
          } else {
            stryCov_9fa48("97");
            candidates.push(stryMutAct_9fa48("98") ? {} : (stryCov_9fa48("98"), {
              para: p,
              turn
            }));
            continue;
          }
        }
        for (const sk of keys) {
          if (stryMutAct_9fa48("99")) {
            {}
          } else {
            stryCov_9fa48("99");
            if (stryMutAct_9fa48("103") ? sk.length >= MIN_KEY : stryMutAct_9fa48("102") ? sk.length <= MIN_KEY : stryMutAct_9fa48("101") ? false : stryMutAct_9fa48("100") ? true : (stryCov_9fa48("100", "101", "102", "103"), sk.length < MIN_KEY)) continue;
            seen.add(sk);
            if (stryMutAct_9fa48("107") ? sk.length < PREFIX : stryMutAct_9fa48("106") ? sk.length > PREFIX : stryMutAct_9fa48("105") ? false : stryMutAct_9fa48("104") ? true : (stryCov_9fa48("104", "105", "106", "107"), sk.length >= PREFIX)) seenPrefix.add(stryMutAct_9fa48("108") ? sk : (stryCov_9fa48("108"), sk.slice(0, PREFIX)));
          }
        }
      }
    }
    // runs of back-to-back copies (consecutive paragraphs of one turn)
    const runLength = new Map<Cand, number>();
    for (let a = 0; stryMutAct_9fa48("111") ? a >= candidates.length : stryMutAct_9fa48("110") ? a <= candidates.length : stryMutAct_9fa48("109") ? false : (stryCov_9fa48("109", "110", "111"), a < candidates.length);) {
      if (stryMutAct_9fa48("112")) {
        {}
      } else {
        stryCov_9fa48("112");
        let b = stryMutAct_9fa48("113") ? a - 1 : (stryCov_9fa48("113"), a + 1);
        while (stryMutAct_9fa48("115") ? b < candidates.length && candidates[b]!.para === candidates[b - 1]!.para + 1 || candidates[b]!.turn === candidates[a]!.turn : stryMutAct_9fa48("114") ? false : (stryCov_9fa48("114", "115"), (stryMutAct_9fa48("117") ? b < candidates.length || candidates[b]!.para === candidates[b - 1]!.para + 1 : stryMutAct_9fa48("116") ? true : (stryCov_9fa48("116", "117"), (stryMutAct_9fa48("120") ? b >= candidates.length : stryMutAct_9fa48("119") ? b <= candidates.length : stryMutAct_9fa48("118") ? true : (stryCov_9fa48("118", "119", "120"), b < candidates.length)) && (stryMutAct_9fa48("122") ? candidates[b]!.para !== candidates[b - 1]!.para + 1 : stryMutAct_9fa48("121") ? true : (stryCov_9fa48("121", "122"), candidates[b]!.para === (stryMutAct_9fa48("123") ? candidates[b - 1]!.para - 1 : (stryCov_9fa48("123"), candidates[stryMutAct_9fa48("124") ? b + 1 : (stryCov_9fa48("124"), b - 1)]!.para + 1)))))) && (stryMutAct_9fa48("126") ? candidates[b]!.turn !== candidates[a]!.turn : stryMutAct_9fa48("125") ? true : (stryCov_9fa48("125", "126"), candidates[b]!.turn === candidates[a]!.turn)))) stryMutAct_9fa48("127") ? b-- : (stryCov_9fa48("127"), b++);
        for (let k = a; stryMutAct_9fa48("130") ? k >= b : stryMutAct_9fa48("129") ? k <= b : stryMutAct_9fa48("128") ? false : (stryCov_9fa48("128", "129", "130"), k < b); stryMutAct_9fa48("131") ? k-- : (stryCov_9fa48("131"), k++)) runLength.set(candidates[k]!, stryMutAct_9fa48("132") ? b + a : (stryCov_9fa48("132"), b - a));
        a = b;
      }
    }
    const drop = new Set<number>();
    for (const c of candidates) {
      if (stryMutAct_9fa48("133")) {
        {}
      } else {
        stryCov_9fa48("133");
        const para = paras[c.para]!;
        if (stryMutAct_9fa48("137") ? runLength.get(c)! < LOOP_COPIES : stryMutAct_9fa48("136") ? runLength.get(c)! > LOOP_COPIES : stryMutAct_9fa48("135") ? false : stryMutAct_9fa48("134") ? true : (stryCov_9fa48("134", "135", "136", "137"), runLength.get(c)! >= LOOP_COPIES)) {
          if (stryMutAct_9fa48("138")) {
            {}
          } else {
            stryCov_9fa48("138");
            drop.add(c.para);
            stryMutAct_9fa48("139") ? ctx.out.repeated-- : (stryCov_9fa48("139"), ctx.out.repeated++);
            const counter = COUNTER.exec(para.text);
            ctx.report(stryMutAct_9fa48("140") ? `` : (stryCov_9fa48("140"), `removed a degenerate repetition of earlier text (${counter ? (stryMutAct_9fa48("141") ? "" : (stryCov_9fa48("141"), 'counting prefix "')) + (stryMutAct_9fa48("142") ? counter[0] : (stryCov_9fa48("142"), counter[0].trim())) + (stryMutAct_9fa48("143") ? "" : (stryCov_9fa48("143"), '"')) : stryMutAct_9fa48("144") ? "" : (stryCov_9fa48("144"), 'no counter')})`), stryMutAct_9fa48("145") ? {} : (stryCov_9fa48("145"), {
              line: para.src,
              removed: para.text
            }));
          }
        } else ctx.report(stryMutAct_9fa48("146") ? "" : (stryCov_9fa48("146"), 'paragraph repeats earlier text of the same turn (kept: a single repetition is not a loop)'), stryMutAct_9fa48("147") ? {} : (stryCov_9fa48("147"), {
          line: para.src
        }));
      }
    }
    const out = stryMutAct_9fa48("148") ? paras : (stryCov_9fa48("148"), paras.filter(stryMutAct_9fa48("149") ? () => undefined : (stryCov_9fa48("149"), (_, i) => stryMutAct_9fa48("150") ? drop.has(i) : (stryCov_9fa48("150"), !drop.has(i)))));
    // pass 2: text cut off mid-sentence: a paragraph of prose that stops without sentence-final
    // punctuation and is followed by the end of the text or by a new turn
    const final: Line[] = stryMutAct_9fa48("151") ? ["Stryker was here"] : (stryCov_9fa48("151"), []);
    for (let p = 0; stryMutAct_9fa48("154") ? p >= out.length : stryMutAct_9fa48("153") ? p <= out.length : stryMutAct_9fa48("152") ? false : (stryCov_9fa48("152", "153", "154"), p < out.length); stryMutAct_9fa48("155") ? p-- : (stryCov_9fa48("155"), p++)) {
      if (stryMutAct_9fa48("156")) {
        {}
      } else {
        stryCov_9fa48("156");
        const para = out[p]!;
        const next = out[stryMutAct_9fa48("157") ? p - 1 : (stryCov_9fa48("157"), p + 1)];
        if (stryMutAct_9fa48("160") ? !endsCleanly(para.text) || !next || isBoundary(next.text) : stryMutAct_9fa48("159") ? false : stryMutAct_9fa48("158") ? true : (stryCov_9fa48("158", "159", "160"), (stryMutAct_9fa48("161") ? endsCleanly(para.text) : (stryCov_9fa48("161"), !endsCleanly(para.text))) && (stryMutAct_9fa48("163") ? !next && isBoundary(next.text) : stryMutAct_9fa48("162") ? true : (stryCov_9fa48("162", "163"), (stryMutAct_9fa48("164") ? next : (stryCov_9fa48("164"), !next)) || isBoundary(next.text))))) {
          if (stryMutAct_9fa48("165")) {
            {}
          } else {
            stryCov_9fa48("165");
            const sentences = splitSentences(para.text);
            const frag = stryMutAct_9fa48("166") ? sentences[sentences.length - 1] && para.text : (stryCov_9fa48("166"), sentences[stryMutAct_9fa48("167") ? sentences.length + 1 : (stryCov_9fa48("167"), sentences.length - 1)] ?? para.text);
            const keep = stryMutAct_9fa48("168") ? para.text : (stryCov_9fa48("168"), para.text.slice(0, stryMutAct_9fa48("169") ? para.text.length + frag.length : (stryCov_9fa48("169"), para.text.length - frag.length)));
            // prose: an earlier finished sentence, a turn label, or clause punctuation in the fragment
            const prose = stryMutAct_9fa48("172") ? (keep.trim() !== '' || isBoundary(para.text)) && PROSE.test(frag.replace(/^[^：:]{1,40}[：:]/, '')) : stryMutAct_9fa48("171") ? false : stryMutAct_9fa48("170") ? true : (stryCov_9fa48("170", "171", "172"), (stryMutAct_9fa48("174") ? keep.trim() !== '' && isBoundary(para.text) : stryMutAct_9fa48("173") ? false : (stryCov_9fa48("173", "174"), (stryMutAct_9fa48("176") ? keep.trim() === '' : stryMutAct_9fa48("175") ? false : (stryCov_9fa48("175", "176"), (stryMutAct_9fa48("177") ? keep : (stryCov_9fa48("177"), keep.trim())) !== (stryMutAct_9fa48("178") ? "Stryker was here!" : (stryCov_9fa48("178"), '')))) || isBoundary(para.text))) || PROSE.test(frag.replace(stryMutAct_9fa48("182") ? /^[^：:]{1,40}[^：:]/ : stryMutAct_9fa48("181") ? /^[：:]{1,40}[：:]/ : stryMutAct_9fa48("180") ? /^[^：:][：:]/ : stryMutAct_9fa48("179") ? /[^：:]{1,40}[：:]/ : (stryCov_9fa48("179", "180", "181", "182"), /^[^：:]{1,40}[：:]/), stryMutAct_9fa48("183") ? "Stryker was here!" : (stryCov_9fa48("183"), ''))));
            if (stryMutAct_9fa48("186") ? prose && countHan(frag) > 0 || ctx.out.repeated === 0 : stryMutAct_9fa48("185") ? false : stryMutAct_9fa48("184") ? true : (stryCov_9fa48("184", "185", "186"), (stryMutAct_9fa48("188") ? prose || countHan(frag) > 0 : stryMutAct_9fa48("187") ? true : (stryCov_9fa48("187", "188"), prose && (stryMutAct_9fa48("191") ? countHan(frag) <= 0 : stryMutAct_9fa48("190") ? countHan(frag) >= 0 : stryMutAct_9fa48("189") ? true : (stryCov_9fa48("189", "190", "191"), countHan(frag) > 0)))) && (stryMutAct_9fa48("193") ? ctx.out.repeated !== 0 : stryMutAct_9fa48("192") ? true : (stryCov_9fa48("192", "193"), ctx.out.repeated === 0)))) {
              if (stryMutAct_9fa48("194")) {
                {}
              } else {
                stryCov_9fa48("194");
                ctx.report(stryMutAct_9fa48("195") ? "" : (stryCov_9fa48("195"), 'paragraph ends without sentence-final punctuation (kept: no other sign of damage in this source)'), stryMutAct_9fa48("196") ? {} : (stryCov_9fa48("196"), {
                  line: para.src,
                  column: stryMutAct_9fa48("197") ? keep.length - 1 : (stryCov_9fa48("197"), keep.length + 1),
                  severity: stryMutAct_9fa48("198") ? "" : (stryCov_9fa48("198"), 'warning')
                }));
              }
            } else if (stryMutAct_9fa48("201") ? prose || countHan(frag) > 0 : stryMutAct_9fa48("200") ? false : stryMutAct_9fa48("199") ? true : (stryCov_9fa48("199", "200", "201"), prose && (stryMutAct_9fa48("204") ? countHan(frag) <= 0 : stryMutAct_9fa48("203") ? countHan(frag) >= 0 : stryMutAct_9fa48("202") ? true : (stryCov_9fa48("202", "203", "204"), countHan(frag) > 0)))) {
              if (stryMutAct_9fa48("205")) {
                {}
              } else {
                stryCov_9fa48("205");
                stryMutAct_9fa48("206") ? ctx.out.truncated-- : (stryCov_9fa48("206"), ctx.out.truncated++);
                ctx.report(stryMutAct_9fa48("207") ? "" : (stryCov_9fa48("207"), 'removed text cut off mid-sentence'), stryMutAct_9fa48("208") ? {} : (stryCov_9fa48("208"), {
                  line: para.src,
                  column: stryMutAct_9fa48("209") ? keep.length - 1 : (stryCov_9fa48("209"), keep.length + 1),
                  removed: frag
                }));
                if (stryMutAct_9fa48("212") ? keep.trim() === '' : stryMutAct_9fa48("211") ? false : stryMutAct_9fa48("210") ? true : (stryCov_9fa48("210", "211", "212"), (stryMutAct_9fa48("213") ? keep : (stryCov_9fa48("213"), keep.trim())) !== (stryMutAct_9fa48("214") ? "Stryker was here!" : (stryCov_9fa48("214"), '')))) final.push(stryMutAct_9fa48("215") ? {} : (stryCov_9fa48("215"), {
                  text: keep,
                  src: para.src
                }));
                continue;
              }
            }
          }
        }
        final.push(para);
      }
    }
    ctx.fix(stryMutAct_9fa48("216") ? ctx.out.repeated - ctx.out.truncated : (stryCov_9fa48("216"), ctx.out.repeated + ctx.out.truncated));
    return final;
  }
}
export const corruptionRule: CleaningRule = stryMutAct_9fa48("217") ? {} : (stryCov_9fa48("217"), {
  name: stryMutAct_9fa48("218") ? "" : (stryCov_9fa48("218"), 'corruption'),
  stage: stryMutAct_9fa48("219") ? "" : (stryCov_9fa48("219"), 'paragraphs'),
  description: stryMutAct_9fa48("220") ? "" : (stryCov_9fa48("220"), 'degenerate loops (the same text three times or more inside one turn) and text cut off mid-sentence removed; the source is marked damaged'),
  applies: stryMutAct_9fa48("221") ? () => undefined : (stryCov_9fa48("221"), ctx => stryMutAct_9fa48("224") ? ctx.layout.base === 'digest' : stryMutAct_9fa48("223") ? false : stryMutAct_9fa48("222") ? true : (stryCov_9fa48("222", "223", "224"), ctx.layout.base !== (stryMutAct_9fa48("225") ? "" : (stryCov_9fa48("225"), 'digest')))),
  transform
});
export function corruption(paras: Line[], file: string, isBoundary: (t: string) => boolean): CorruptionResult {
  if (stryMutAct_9fa48("226")) {
    {}
  } else {
    stryCov_9fa48("226");
    const r = applyRule(corruptionRule, paras, file, stryMutAct_9fa48("227") ? {} : (stryCov_9fa48("227"), {
      isBoundary
    }));
    return stryMutAct_9fa48("228") ? {} : (stryCov_9fa48("228"), {
      lines: r.lines,
      diags: r.diags,
      fixes: r.fixes,
      repeated: r.out.repeated,
      truncated: r.out.truncated
    });
  }
}