/**
 * noise: photo captions, QR-code prompts, page furniture and a headline repeated at the end are
 * removed — each removal is a Diagnostic carrying the removed text and its source line.
 * Works on blocks (runs of non-blank lines); removed lines become blank so block structure stays.
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
import { endsSentence } from '../text.js';
import { applyRule, type CleaningRule, type RuleContext } from './rule.js';
const CAPTION_START = stryMutAct_9fa48("471") ? /^[^▲△▼►◆]/ : stryMutAct_9fa48("470") ? /[▲△▼►◆]/ : (stryCov_9fa48("470", "471"), /^[▲△▼►◆]/);
/** photo credits: 新华社记者才扬摄, 中青报·中青网记者 李强/摄, 视觉中国供图, 新华社发 */
const CREDIT = stryMutAct_9fa48("498") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[)]*\))$/u : stryMutAct_9fa48("497") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]\))$/u : stryMutAct_9fa48("496") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("495") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("494") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\S*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("493") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("492") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\P{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("491") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[^\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("490") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("489") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\S*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("488") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("487") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\S*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("486") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("485") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\P{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("484") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[^\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("483") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("482") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\S*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("481") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("480") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("479") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\S*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("478") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("477") ? /(?:(?:记者|通讯员|摄影)\s*[\P{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("476") ? /(?:(?:记者|通讯员|摄影)\s*[^\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("475") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("474") ? /(?:(?:记者|通讯员|摄影)\S*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("473") ? /(?:(?:记者|通讯员|摄影)\s[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u : stryMutAct_9fa48("472") ? /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))/u : (stryCov_9fa48("472", "473", "474", "475", "476", "477", "478", "479", "480", "481", "482", "483", "484", "485", "486", "487", "488", "489", "490", "491", "492", "493", "494", "495", "496", "497", "498"), /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u);
/** cheap pre-check: a credit ends with one of these */
const CREDIT_END = stryMutAct_9fa48("500") ? /[^摄图发）)]$/u : stryMutAct_9fa48("499") ? /[摄图发）)]/u : (stryCov_9fa48("499", "500"), /[摄图发）)]$/u);
const QR = stryMutAct_9fa48("501") ? /扫一扫|扫码|二维码|长按识别|扫描.码/ : (stryCov_9fa48("501"), /扫一扫|扫码|二维码|长按识别|扫描.{0,6}码/);
/** inline page furniture: （下转3版） （上接第1版） */
const JUMP = stryMutAct_9fa48("516") ? /[（(]\s*(?:下转|上接|接|转)\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[^）)]/g : stryMutAct_9fa48("515") ? /[（(]\s*(?:下转|上接|接|转)\s*第?\s*[0-9一二三四五六七八九十]+\s*版\S*[）)]/g : stryMutAct_9fa48("514") ? /[（(]\s*(?:下转|上接|接|转)\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s[）)]/g : stryMutAct_9fa48("513") ? /[（(]\s*(?:下转|上接|接|转)\s*第?\s*[0-9一二三四五六七八九十]+\S*版\s*[）)]/g : stryMutAct_9fa48("512") ? /[（(]\s*(?:下转|上接|接|转)\s*第?\s*[0-9一二三四五六七八九十]+\s版\s*[）)]/g : stryMutAct_9fa48("511") ? /[（(]\s*(?:下转|上接|接|转)\s*第?\s*[^0-9一二三四五六七八九十]+\s*版\s*[）)]/g : stryMutAct_9fa48("510") ? /[（(]\s*(?:下转|上接|接|转)\s*第?\s*[0-9一二三四五六七八九十]\s*版\s*[）)]/g : stryMutAct_9fa48("509") ? /[（(]\s*(?:下转|上接|接|转)\s*第?\S*[0-9一二三四五六七八九十]+\s*版\s*[）)]/g : stryMutAct_9fa48("508") ? /[（(]\s*(?:下转|上接|接|转)\s*第?\s[0-9一二三四五六七八九十]+\s*版\s*[）)]/g : stryMutAct_9fa48("507") ? /[（(]\s*(?:下转|上接|接|转)\s*第\s*[0-9一二三四五六七八九十]+\s*版\s*[）)]/g : stryMutAct_9fa48("506") ? /[（(]\s*(?:下转|上接|接|转)\S*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[）)]/g : stryMutAct_9fa48("505") ? /[（(]\s*(?:下转|上接|接|转)\s第?\s*[0-9一二三四五六七八九十]+\s*版\s*[）)]/g : stryMutAct_9fa48("504") ? /[（(]\S*(?:下转|上接|接|转)\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[）)]/g : stryMutAct_9fa48("503") ? /[（(]\s(?:下转|上接|接|转)\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[）)]/g : stryMutAct_9fa48("502") ? /[^（(]\s*(?:下转|上接|接|转)\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[）)]/g : (stryCov_9fa48("502", "503", "504", "505", "506", "507", "508", "509", "510", "511", "512", "513", "514", "515", "516"), /[（(]\s*(?:下转|上接|接|转)\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[）)]/g);
/** whole-line page furniture */
const FURNITURE_LINE = stryMutAct_9fa48("541") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.)$/ : stryMutAct_9fa48("540") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[^上下]一篇.{0,40})$/ : stryMutAct_9fa48("539") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("538") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("537") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[^-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("536") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("535") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s*版\S*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("534") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("533") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\S*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("532") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("531") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\s*[^0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("530") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("529") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\S*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("528") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\s[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("527") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("526") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\S*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("525") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s第?\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("524") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[^-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("523") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("522") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("521") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[^:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("520") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\S*[:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("519") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s[:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : stryMutAct_9fa48("518") ? /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})/ : stryMutAct_9fa48("517") ? /(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/ : (stryCov_9fa48("517", "518", "519", "520", "521", "522", "523", "524", "525", "526", "527", "528", "529", "530", "531", "532", "533", "534", "535", "536", "537", "538", "539", "540", "541"), /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/);

/** a photo caption with its credit is short (longer text ending in "摄" is prose) */
const MAX_CAPTION = 200;
const BULLET_LINE = stryMutAct_9fa48("543") ? /^[^-•●▪■◆·]/ : stryMutAct_9fa48("542") ? /[-•●▪■◆·]/ : (stryCov_9fa48("542", "543"), /^[-•●▪■◆·]/);
/** a news photo caption opens with the date: "3月7日，北京梅地亚中心，…" */
const CAPTION_DATE = stryMutAct_9fa48("549") ? /^\d{1,2}月\d{1,2}日[^，,]/ : stryMutAct_9fa48("548") ? /^\d{1,2}月\D{1,2}日[，,]/ : stryMutAct_9fa48("547") ? /^\d{1,2}月\d日[，,]/ : stryMutAct_9fa48("546") ? /^\D{1,2}月\d{1,2}日[，,]/ : stryMutAct_9fa48("545") ? /^\d月\d{1,2}日[，,]/ : stryMutAct_9fa48("544") ? /\d{1,2}月\d{1,2}日[，,]/ : (stryCov_9fa48("544", "545", "546", "547", "548", "549"), /^\d{1,2}月\d{1,2}日[，,]/);

/**
 * Word-segmented text: the first line of the caption that a credit line at `at` closes. The
 * caption is at most three finished sentences before the credit, none of them a turn, and it
 * starts either with a date ("3月7日，…") or right after the head (start of text, a bullet, a
 * title line without sentence punctuation). Otherwise only the credit line is a caption.
 */
function captionStart(lines: Line[], at: number, ctx: RuleContext): number {
  if (stryMutAct_9fa48("550")) {
    {}
  } else {
    stryCov_9fa48("550");
    let best = at;
    for (let j = stryMutAct_9fa48("551") ? at + 1 : (stryCov_9fa48("551"), at - 1); stryMutAct_9fa48("554") ? j < Math.max(0, at - 3) : stryMutAct_9fa48("553") ? j > Math.max(0, at - 3) : stryMutAct_9fa48("552") ? false : (stryCov_9fa48("552", "553", "554"), j >= (stryMutAct_9fa48("555") ? Math.min(0, at - 3) : (stryCov_9fa48("555"), Math.max(0, stryMutAct_9fa48("556") ? at + 3 : (stryCov_9fa48("556"), at - 3))))); stryMutAct_9fa48("557") ? j++ : (stryCov_9fa48("557"), j--)) {
      if (stryMutAct_9fa48("558")) {
        {}
      } else {
        stryCov_9fa48("558");
        const t = stryMutAct_9fa48("559") ? lines[j]!.text : (stryCov_9fa48("559"), lines[j]!.text.trim());
        if (stryMutAct_9fa48("562") ? (t === '' || BULLET_LINE.test(t) || ctx.isBoundary(t) || !/[。！]$/.test(t)) && t.length > MAX_CAPTION : stryMutAct_9fa48("561") ? false : stryMutAct_9fa48("560") ? true : (stryCov_9fa48("560", "561", "562"), (stryMutAct_9fa48("564") ? (t === '' || BULLET_LINE.test(t) || ctx.isBoundary(t)) && !/[。！]$/.test(t) : stryMutAct_9fa48("563") ? false : (stryCov_9fa48("563", "564"), (stryMutAct_9fa48("566") ? (t === '' || BULLET_LINE.test(t)) && ctx.isBoundary(t) : stryMutAct_9fa48("565") ? false : (stryCov_9fa48("565", "566"), (stryMutAct_9fa48("568") ? t === '' && BULLET_LINE.test(t) : stryMutAct_9fa48("567") ? false : (stryCov_9fa48("567", "568"), (stryMutAct_9fa48("570") ? t !== '' : stryMutAct_9fa48("569") ? false : (stryCov_9fa48("569", "570"), t === (stryMutAct_9fa48("571") ? "Stryker was here!" : (stryCov_9fa48("571"), '')))) || BULLET_LINE.test(t))) || ctx.isBoundary(t))) || (stryMutAct_9fa48("572") ? /[。！]$/.test(t) : (stryCov_9fa48("572"), !(stryMutAct_9fa48("574") ? /[^。！]$/ : stryMutAct_9fa48("573") ? /[。！]/ : (stryCov_9fa48("573", "574"), /[。！]$/)).test(t))))) || (stryMutAct_9fa48("577") ? t.length <= MAX_CAPTION : stryMutAct_9fa48("576") ? t.length >= MAX_CAPTION : stryMutAct_9fa48("575") ? false : (stryCov_9fa48("575", "576", "577"), t.length > MAX_CAPTION)))) break;
        const prev = (stryMutAct_9fa48("581") ? j <= 0 : stryMutAct_9fa48("580") ? j >= 0 : stryMutAct_9fa48("579") ? false : stryMutAct_9fa48("578") ? true : (stryCov_9fa48("578", "579", "580", "581"), j > 0)) ? stryMutAct_9fa48("582") ? lines[j - 1]!.text : (stryCov_9fa48("582"), lines[stryMutAct_9fa48("583") ? j + 1 : (stryCov_9fa48("583"), j - 1)]!.text.trim()) : stryMutAct_9fa48("584") ? "Stryker was here!" : (stryCov_9fa48("584"), '');
        const afterHead = stryMutAct_9fa48("587") ? (j === 0 || prev === '' || BULLET_LINE.test(prev)) && !/[。！？；]/.test(prev) : stryMutAct_9fa48("586") ? false : stryMutAct_9fa48("585") ? true : (stryCov_9fa48("585", "586", "587"), (stryMutAct_9fa48("589") ? (j === 0 || prev === '') && BULLET_LINE.test(prev) : stryMutAct_9fa48("588") ? false : (stryCov_9fa48("588", "589"), (stryMutAct_9fa48("591") ? j === 0 && prev === '' : stryMutAct_9fa48("590") ? false : (stryCov_9fa48("590", "591"), (stryMutAct_9fa48("593") ? j !== 0 : stryMutAct_9fa48("592") ? false : (stryCov_9fa48("592", "593"), j === 0)) || (stryMutAct_9fa48("595") ? prev !== '' : stryMutAct_9fa48("594") ? false : (stryCov_9fa48("594", "595"), prev === (stryMutAct_9fa48("596") ? "Stryker was here!" : (stryCov_9fa48("596"), '')))))) || BULLET_LINE.test(prev))) || (stryMutAct_9fa48("597") ? /[。！？；]/.test(prev) : (stryCov_9fa48("597"), !(stryMutAct_9fa48("598") ? /[^。！？；]/ : (stryCov_9fa48("598"), /[。！？；]/)).test(prev))));
        if (stryMutAct_9fa48("601") ? CAPTION_DATE.test(t) && afterHead : stryMutAct_9fa48("600") ? false : stryMutAct_9fa48("599") ? true : (stryCov_9fa48("599", "600", "601"), CAPTION_DATE.test(t) || afterHead)) best = j;
      }
    }
    return best;
  }
}
export interface NoiseResult extends RuleResult {
  /** a headline found repeated at the end of the text */
  headline?: string;
  counts: Record<string, number>;
}
function blocksOf(lines: Line[]): [number, number][] {
  if (stryMutAct_9fa48("602")) {
    {}
  } else {
    stryCov_9fa48("602");
    const out: [number, number][] = stryMutAct_9fa48("603") ? ["Stryker was here"] : (stryCov_9fa48("603"), []);
    let i = 0;
    while (stryMutAct_9fa48("606") ? i >= lines.length : stryMutAct_9fa48("605") ? i <= lines.length : stryMutAct_9fa48("604") ? false : (stryCov_9fa48("604", "605", "606"), i < lines.length)) {
      if (stryMutAct_9fa48("607")) {
        {}
      } else {
        stryCov_9fa48("607");
        while (stryMutAct_9fa48("609") ? i < lines.length || lines[i]!.text.trim() === '' : stryMutAct_9fa48("608") ? false : (stryCov_9fa48("608", "609"), (stryMutAct_9fa48("612") ? i >= lines.length : stryMutAct_9fa48("611") ? i <= lines.length : stryMutAct_9fa48("610") ? true : (stryCov_9fa48("610", "611", "612"), i < lines.length)) && (stryMutAct_9fa48("614") ? lines[i]!.text.trim() !== '' : stryMutAct_9fa48("613") ? true : (stryCov_9fa48("613", "614"), (stryMutAct_9fa48("615") ? lines[i]!.text : (stryCov_9fa48("615"), lines[i]!.text.trim())) === (stryMutAct_9fa48("616") ? "Stryker was here!" : (stryCov_9fa48("616"), '')))))) stryMutAct_9fa48("617") ? i-- : (stryCov_9fa48("617"), i++);
        if (stryMutAct_9fa48("621") ? i < lines.length : stryMutAct_9fa48("620") ? i > lines.length : stryMutAct_9fa48("619") ? false : stryMutAct_9fa48("618") ? true : (stryCov_9fa48("618", "619", "620", "621"), i >= lines.length)) break;
        const s = i;
        while (stryMutAct_9fa48("623") ? i < lines.length || lines[i]!.text.trim() !== '' : stryMutAct_9fa48("622") ? false : (stryCov_9fa48("622", "623"), (stryMutAct_9fa48("626") ? i >= lines.length : stryMutAct_9fa48("625") ? i <= lines.length : stryMutAct_9fa48("624") ? true : (stryCov_9fa48("624", "625", "626"), i < lines.length)) && (stryMutAct_9fa48("628") ? lines[i]!.text.trim() === '' : stryMutAct_9fa48("627") ? true : (stryCov_9fa48("627", "628"), (stryMutAct_9fa48("629") ? lines[i]!.text : (stryCov_9fa48("629"), lines[i]!.text.trim())) !== (stryMutAct_9fa48("630") ? "Stryker was here!" : (stryCov_9fa48("630"), '')))))) stryMutAct_9fa48("631") ? i-- : (stryCov_9fa48("631"), i++);
        out.push(stryMutAct_9fa48("632") ? [] : (stryCov_9fa48("632"), [s, i]));
      }
    }
    return out;
  }
}
function transform(input: Line[], ctx: RuleContext): Line[] {
  if (stryMutAct_9fa48("633")) {
    {}
  } else {
    stryCov_9fa48("633");
    const opts = stryMutAct_9fa48("634") ? {} : (stryCov_9fa48("634"), {
      segmented: stryMutAct_9fa48("637") ? ctx.layout.base !== 'segmented' : stryMutAct_9fa48("636") ? false : stryMutAct_9fa48("635") ? true : (stryCov_9fa48("635", "636", "637"), ctx.layout.base === (stryMutAct_9fa48("638") ? "" : (stryCov_9fa48("638"), 'segmented'))),
      transcript: stryMutAct_9fa48("641") ? ctx.layout.base === 'digest' : stryMutAct_9fa48("640") ? false : stryMutAct_9fa48("639") ? true : (stryCov_9fa48("639", "640", "641"), ctx.layout.base !== (stryMutAct_9fa48("642") ? "" : (stryCov_9fa48("642"), 'digest')))
    });
    const lines = stryMutAct_9fa48("643") ? input : (stryCov_9fa48("643"), input.slice()); // entries are replaced, never mutated
    const counts: Record<string, number> = {};
    let jump: {
      line: number;
      text: string;
    } | undefined;
    const removeLine = (i: number, reason: string, what: string) => {
      if (stryMutAct_9fa48("644")) {
        {}
      } else {
        stryCov_9fa48("644");
        const l = lines[i]!;
        if (stryMutAct_9fa48("647") ? l.text.trim() !== '' : stryMutAct_9fa48("646") ? false : stryMutAct_9fa48("645") ? true : (stryCov_9fa48("645", "646", "647"), (stryMutAct_9fa48("648") ? l.text : (stryCov_9fa48("648"), l.text.trim())) === (stryMutAct_9fa48("649") ? "Stryker was here!" : (stryCov_9fa48("649"), '')))) return;
        ctx.report(stryMutAct_9fa48("650") ? `` : (stryCov_9fa48("650"), `removed ${what}`), stryMutAct_9fa48("651") ? {} : (stryCov_9fa48("651"), {
          line: l.src,
          removed: l.text
        }));
        counts[reason] = stryMutAct_9fa48("652") ? (counts[reason] ?? 0) - 1 : (stryCov_9fa48("652"), (stryMutAct_9fa48("653") ? counts[reason] && 0 : (stryCov_9fa48("653"), counts[reason] ?? 0)) + 1);
        lines[i] = stryMutAct_9fa48("654") ? {} : (stryCov_9fa48("654"), {
          text: stryMutAct_9fa48("655") ? "Stryker was here!" : (stryCov_9fa48("655"), ''),
          src: l.src
        });
      }
    };
    // inline furniture and furniture lines
    for (let i = 0; stryMutAct_9fa48("658") ? i >= lines.length : stryMutAct_9fa48("657") ? i <= lines.length : stryMutAct_9fa48("656") ? false : (stryCov_9fa48("656", "657", "658"), i < lines.length); stryMutAct_9fa48("659") ? i-- : (stryCov_9fa48("659"), i++)) {
      if (stryMutAct_9fa48("660")) {
        {}
      } else {
        stryCov_9fa48("660");
        const l = lines[i]!;
        if (stryMutAct_9fa48("663") ? l.text.includes('版') || JUMP.test(l.text) : stryMutAct_9fa48("662") ? false : stryMutAct_9fa48("661") ? true : (stryCov_9fa48("661", "662", "663"), l.text.includes(stryMutAct_9fa48("664") ? "" : (stryCov_9fa48("664"), '版')) && JUMP.test(l.text))) {
          if (stryMutAct_9fa48("665")) {
            {}
          } else {
            stryCov_9fa48("665");
            JUMP.lastIndex = 0;
            const removedParts: string[] = stryMutAct_9fa48("666") ? ["Stryker was here"] : (stryCov_9fa48("666"), []);
            const text = stryMutAct_9fa48("667") ? l.text.replace(JUMP, m => {
              removedParts.push(m);
              return '';
            }).trimStart() : (stryCov_9fa48("667"), l.text.replace(JUMP, m => {
              if (stryMutAct_9fa48("668")) {
                {}
              } else {
                stryCov_9fa48("668");
                removedParts.push(m);
                return stryMutAct_9fa48("669") ? "Stryker was here!" : (stryCov_9fa48("669"), '');
              }
            }).trimEnd());
            for (const r of removedParts) {
              if (stryMutAct_9fa48("670")) {
                {}
              } else {
                stryCov_9fa48("670");
                ctx.report(stryMutAct_9fa48("671") ? `` : (stryCov_9fa48("671"), `removed page furniture "${r}"`), stryMutAct_9fa48("672") ? {} : (stryCov_9fa48("672"), {
                  line: l.src,
                  column: stryMutAct_9fa48("673") ? l.text.indexOf(r) - 1 : (stryCov_9fa48("673"), l.text.indexOf(r) + 1),
                  removed: r
                }));
                if (stryMutAct_9fa48("675") ? false : stryMutAct_9fa48("674") ? true : (stryCov_9fa48("674", "675"), /下转/.test(r))) jump = stryMutAct_9fa48("676") ? {} : (stryCov_9fa48("676"), {
                  line: l.src,
                  text: r
                });
              }
            }
            counts.furniture = stryMutAct_9fa48("677") ? (counts.furniture ?? 0) - removedParts.length : (stryCov_9fa48("677"), (stryMutAct_9fa48("678") ? counts.furniture && 0 : (stryCov_9fa48("678"), counts.furniture ?? 0)) + removedParts.length);
            lines[i] = stryMutAct_9fa48("679") ? {} : (stryCov_9fa48("679"), {
              text,
              src: l.src
            });
          }
        }
        JUMP.lastIndex = 0;
        const t = lines[i]!.text;
        if (stryMutAct_9fa48("682") ? t.length <= 60 && t !== '' || FURNITURE_LINE.test(t.trim()) : stryMutAct_9fa48("681") ? false : stryMutAct_9fa48("680") ? true : (stryCov_9fa48("680", "681", "682"), (stryMutAct_9fa48("684") ? t.length <= 60 || t !== '' : stryMutAct_9fa48("683") ? true : (stryCov_9fa48("683", "684"), (stryMutAct_9fa48("687") ? t.length > 60 : stryMutAct_9fa48("686") ? t.length < 60 : stryMutAct_9fa48("685") ? true : (stryCov_9fa48("685", "686", "687"), t.length <= 60)) && (stryMutAct_9fa48("689") ? t === '' : stryMutAct_9fa48("688") ? true : (stryCov_9fa48("688", "689"), t !== (stryMutAct_9fa48("690") ? "Stryker was here!" : (stryCov_9fa48("690"), '')))))) && FURNITURE_LINE.test(stryMutAct_9fa48("691") ? t : (stryCov_9fa48("691"), t.trim())))) removeLine(i, stryMutAct_9fa48("692") ? "" : (stryCov_9fa48("692"), 'furniture'), stryMutAct_9fa48("693") ? "" : (stryCov_9fa48("693"), 'page furniture'));
      }
    }
    // In word-segmented sources every line is its own unit.
    const blocks: [number, number][] = opts.segmented ? stryMutAct_9fa48("694") ? lines.map((_, i) => [i, i + 1] as [number, number]) : (stryCov_9fa48("694"), lines.map(stryMutAct_9fa48("695") ? () => undefined : (stryCov_9fa48("695"), (_, i) => [i, i + 1] as [number, number])).filter(stryMutAct_9fa48("696") ? () => undefined : (stryCov_9fa48("696"), ([s]) => stryMutAct_9fa48("699") ? lines[s]!.text.trim() === '' : stryMutAct_9fa48("698") ? false : stryMutAct_9fa48("697") ? true : (stryCov_9fa48("697", "698", "699"), (stryMutAct_9fa48("700") ? lines[s]!.text : (stryCov_9fa48("700"), lines[s]!.text.trim())) !== (stryMutAct_9fa48("701") ? "Stryker was here!" : (stryCov_9fa48("701"), '')))))) : blocksOf(lines);
    for (const [s, e] of blocks) {
      if (stryMutAct_9fa48("702")) {
        {}
      } else {
        stryCov_9fa48("702");
        const first = stryMutAct_9fa48("703") ? lines[s]!.text : (stryCov_9fa48("703"), lines[s]!.text.trim());
        const last = stryMutAct_9fa48("704") ? lines[e - 1]!.text : (stryCov_9fa48("704"), lines[stryMutAct_9fa48("705") ? e + 1 : (stryCov_9fa48("705"), e - 1)]!.text.trim());
        // a hard-wrapped source cuts a caption into as many lines as the column needs: judge the block's text
        const joined = stryMutAct_9fa48("706") ? lines.map(l => l.text.trim()).join('') : (stryCov_9fa48("706"), lines.slice(s, e).map(stryMutAct_9fa48("707") ? () => undefined : (stryCov_9fa48("707"), l => stryMutAct_9fa48("708") ? l.text : (stryCov_9fa48("708"), l.text.trim()))).join(stryMutAct_9fa48("709") ? "Stryker was here!" : (stryCov_9fa48("709"), '')));
        const credit = stryMutAct_9fa48("712") ? CREDIT_END.test(last) && joined.length <= MAX_CAPTION && !ctx.isBoundary(first) || CREDIT.test(joined) : stryMutAct_9fa48("711") ? false : stryMutAct_9fa48("710") ? true : (stryCov_9fa48("710", "711", "712"), (stryMutAct_9fa48("714") ? CREDIT_END.test(last) && joined.length <= MAX_CAPTION || !ctx.isBoundary(first) : stryMutAct_9fa48("713") ? true : (stryCov_9fa48("713", "714"), (stryMutAct_9fa48("716") ? CREDIT_END.test(last) || joined.length <= MAX_CAPTION : stryMutAct_9fa48("715") ? true : (stryCov_9fa48("715", "716"), CREDIT_END.test(last) && (stryMutAct_9fa48("719") ? joined.length > MAX_CAPTION : stryMutAct_9fa48("718") ? joined.length < MAX_CAPTION : stryMutAct_9fa48("717") ? true : (stryCov_9fa48("717", "718", "719"), joined.length <= MAX_CAPTION)))) && (stryMutAct_9fa48("720") ? ctx.isBoundary(first) : (stryCov_9fa48("720"), !ctx.isBoundary(first))))) && CREDIT.test(joined));
        if (stryMutAct_9fa48("723") ? CAPTION_START.test(first) && credit : stryMutAct_9fa48("722") ? false : stryMutAct_9fa48("721") ? true : (stryCov_9fa48("721", "722", "723"), CAPTION_START.test(first) || credit)) {
          if (stryMutAct_9fa48("724")) {
            {}
          } else {
            stryCov_9fa48("724");
            // word-segmented text has one sentence per line: the caption's sentences before the credit line
            const from = (stryMutAct_9fa48("727") ? opts.segmented && credit || !CAPTION_START.test(first) : stryMutAct_9fa48("726") ? false : stryMutAct_9fa48("725") ? true : (stryCov_9fa48("725", "726", "727"), (stryMutAct_9fa48("729") ? opts.segmented || credit : stryMutAct_9fa48("728") ? true : (stryCov_9fa48("728", "729"), opts.segmented && credit)) && (stryMutAct_9fa48("730") ? CAPTION_START.test(first) : (stryCov_9fa48("730"), !CAPTION_START.test(first))))) ? captionStart(lines, s, ctx) : s;
            for (let i = from; stryMutAct_9fa48("733") ? i >= e : stryMutAct_9fa48("732") ? i <= e : stryMutAct_9fa48("731") ? false : (stryCov_9fa48("731", "732", "733"), i < e); stryMutAct_9fa48("734") ? i-- : (stryCov_9fa48("734"), i++)) removeLine(i, stryMutAct_9fa48("735") ? "" : (stryCov_9fa48("735"), 'caption'), stryMutAct_9fa48("736") ? "" : (stryCov_9fa48("736"), 'photo caption'));
            continue;
          }
        }
        if (stryMutAct_9fa48("739") ? joined.length <= 48 && lines.slice(s, e).some(l => QR.test(l.text)) || lines.slice(s, e).every(l => l.text.trim().length <= 24) : stryMutAct_9fa48("738") ? false : stryMutAct_9fa48("737") ? true : (stryCov_9fa48("737", "738", "739"), (stryMutAct_9fa48("741") ? joined.length <= 48 || lines.slice(s, e).some(l => QR.test(l.text)) : stryMutAct_9fa48("740") ? true : (stryCov_9fa48("740", "741"), (stryMutAct_9fa48("744") ? joined.length > 48 : stryMutAct_9fa48("743") ? joined.length < 48 : stryMutAct_9fa48("742") ? true : (stryCov_9fa48("742", "743", "744"), joined.length <= 48)) && (stryMutAct_9fa48("746") ? lines.some(l => QR.test(l.text)) : stryMutAct_9fa48("745") ? lines.slice(s, e).every(l => QR.test(l.text)) : (stryCov_9fa48("745", "746"), lines.slice(s, e).some(stryMutAct_9fa48("747") ? () => undefined : (stryCov_9fa48("747"), l => QR.test(l.text))))))) && (stryMutAct_9fa48("749") ? lines.every(l => l.text.trim().length <= 24) : stryMutAct_9fa48("748") ? lines.slice(s, e).some(l => l.text.trim().length <= 24) : (stryCov_9fa48("748", "749"), lines.slice(s, e).every(stryMutAct_9fa48("750") ? () => undefined : (stryCov_9fa48("750"), l => stryMutAct_9fa48("754") ? l.text.trim().length > 24 : stryMutAct_9fa48("753") ? l.text.trim().length < 24 : stryMutAct_9fa48("752") ? false : stryMutAct_9fa48("751") ? true : (stryCov_9fa48("751", "752", "753", "754"), (stryMutAct_9fa48("755") ? l.text.length : (stryCov_9fa48("755"), l.text.trim().length)) <= 24))))))) {
          if (stryMutAct_9fa48("756")) {
            {}
          } else {
            stryCov_9fa48("756");
            for (let i = s; stryMutAct_9fa48("759") ? i >= e : stryMutAct_9fa48("758") ? i <= e : stryMutAct_9fa48("757") ? false : (stryCov_9fa48("757", "758", "759"), i < e); stryMutAct_9fa48("760") ? i-- : (stryCov_9fa48("760"), i++)) removeLine(i, stryMutAct_9fa48("761") ? "" : (stryCov_9fa48("761"), 'qr'), stryMutAct_9fa48("762") ? "" : (stryCov_9fa48("762"), 'QR-code prompt'));
          }
        }
      }
    }
    // a headline repeated at the end: the last block is title-like (short lines, no sentence end,
    // a "——" subtitle or the 答记者问 formula)
    let headline: string | undefined;
    if (stryMutAct_9fa48("765") ? opts.transcript === false : stryMutAct_9fa48("764") ? false : stryMutAct_9fa48("763") ? true : (stryCov_9fa48("763", "764", "765"), opts.transcript !== (stryMutAct_9fa48("766") ? true : (stryCov_9fa48("766"), false)))) {
      if (stryMutAct_9fa48("767")) {
        {}
      } else {
        stryCov_9fa48("767");
        const live = blocksOf(lines);
        const lastBlock = live[stryMutAct_9fa48("768") ? live.length + 1 : (stryCov_9fa48("768"), live.length - 1)];
        if (stryMutAct_9fa48("771") ? lastBlock || live.length > 2 : stryMutAct_9fa48("770") ? false : stryMutAct_9fa48("769") ? true : (stryCov_9fa48("769", "770", "771"), lastBlock && (stryMutAct_9fa48("774") ? live.length <= 2 : stryMutAct_9fa48("773") ? live.length >= 2 : stryMutAct_9fa48("772") ? true : (stryCov_9fa48("772", "773", "774"), live.length > 2)))) {
          if (stryMutAct_9fa48("775")) {
            {}
          } else {
            stryCov_9fa48("775");
            const [s, e] = lastBlock;
            const ls = stryMutAct_9fa48("776") ? lines.map(l => l.text.trim()) : (stryCov_9fa48("776"), lines.slice(s, e).map(stryMutAct_9fa48("777") ? () => undefined : (stryCov_9fa48("777"), l => stryMutAct_9fa48("778") ? l.text : (stryCov_9fa48("778"), l.text.trim()))));
            const titleLike = stryMutAct_9fa48("781") ? e - s <= 3 && ls.every(t => t.length <= 60 && !endsSentence(t) && !/[。？！]/.test(t)) || ls.some(t => /^——/.test(t) || /(答记者问|回答中外记者提问)$/.test(t)) : stryMutAct_9fa48("780") ? false : stryMutAct_9fa48("779") ? true : (stryCov_9fa48("779", "780", "781"), (stryMutAct_9fa48("783") ? e - s <= 3 || ls.every(t => t.length <= 60 && !endsSentence(t) && !/[。？！]/.test(t)) : stryMutAct_9fa48("782") ? true : (stryCov_9fa48("782", "783"), (stryMutAct_9fa48("786") ? e - s > 3 : stryMutAct_9fa48("785") ? e - s < 3 : stryMutAct_9fa48("784") ? true : (stryCov_9fa48("784", "785", "786"), (stryMutAct_9fa48("787") ? e + s : (stryCov_9fa48("787"), e - s)) <= 3)) && (stryMutAct_9fa48("788") ? ls.some(t => t.length <= 60 && !endsSentence(t) && !/[。？！]/.test(t)) : (stryCov_9fa48("788"), ls.every(stryMutAct_9fa48("789") ? () => undefined : (stryCov_9fa48("789"), t => stryMutAct_9fa48("792") ? t.length <= 60 && !endsSentence(t) || !/[。？！]/.test(t) : stryMutAct_9fa48("791") ? false : stryMutAct_9fa48("790") ? true : (stryCov_9fa48("790", "791", "792"), (stryMutAct_9fa48("794") ? t.length <= 60 || !endsSentence(t) : stryMutAct_9fa48("793") ? true : (stryCov_9fa48("793", "794"), (stryMutAct_9fa48("797") ? t.length > 60 : stryMutAct_9fa48("796") ? t.length < 60 : stryMutAct_9fa48("795") ? true : (stryCov_9fa48("795", "796", "797"), t.length <= 60)) && (stryMutAct_9fa48("798") ? endsSentence(t) : (stryCov_9fa48("798"), !endsSentence(t))))) && (stryMutAct_9fa48("799") ? /[。？！]/.test(t) : (stryCov_9fa48("799"), !(stryMutAct_9fa48("800") ? /[^。？！]/ : (stryCov_9fa48("800"), /[。？！]/)).test(t)))))))))) && (stryMutAct_9fa48("801") ? ls.every(t => /^——/.test(t) || /(答记者问|回答中外记者提问)$/.test(t)) : (stryCov_9fa48("801"), ls.some(stryMutAct_9fa48("802") ? () => undefined : (stryCov_9fa48("802"), t => stryMutAct_9fa48("805") ? /^——/.test(t) && /(答记者问|回答中外记者提问)$/.test(t) : stryMutAct_9fa48("804") ? false : stryMutAct_9fa48("803") ? true : (stryCov_9fa48("803", "804", "805"), (stryMutAct_9fa48("806") ? /——/ : (stryCov_9fa48("806"), /^——/)).test(t) || (stryMutAct_9fa48("807") ? /(答记者问|回答中外记者提问)/ : (stryCov_9fa48("807"), /(答记者问|回答中外记者提问)$/)).test(t)))))));
            if (stryMutAct_9fa48("809") ? false : stryMutAct_9fa48("808") ? true : (stryCov_9fa48("808", "809"), titleLike)) {
              if (stryMutAct_9fa48("810")) {
                {}
              } else {
                stryCov_9fa48("810");
                headline = stryMutAct_9fa48("811") ? ls.find(t => !t.startsWith('——'))?.trim() && ls[0]!.replace(/^——/, '') : (stryCov_9fa48("811"), (stryMutAct_9fa48("813") ? ls.find(t => !t.startsWith('——')).trim() : stryMutAct_9fa48("812") ? ls.find(t => !t.startsWith('——')) : (stryCov_9fa48("812", "813"), ls.find(stryMutAct_9fa48("814") ? () => undefined : (stryCov_9fa48("814"), t => stryMutAct_9fa48("815") ? t.startsWith('——') : (stryCov_9fa48("815"), !(stryMutAct_9fa48("816") ? t.endsWith('——') : (stryCov_9fa48("816"), t.startsWith(stryMutAct_9fa48("817") ? "" : (stryCov_9fa48("817"), '——')))))))?.trim())) ?? ls[0]!.replace(stryMutAct_9fa48("818") ? /——/ : (stryCov_9fa48("818"), /^——/), stryMutAct_9fa48("819") ? "Stryker was here!" : (stryCov_9fa48("819"), '')));
                for (let i = s; stryMutAct_9fa48("822") ? i >= e : stryMutAct_9fa48("821") ? i <= e : stryMutAct_9fa48("820") ? false : (stryCov_9fa48("820", "821", "822"), i < e); stryMutAct_9fa48("823") ? i-- : (stryCov_9fa48("823"), i++)) removeLine(i, stryMutAct_9fa48("824") ? "" : (stryCov_9fa48("824"), 'headline'), stryMutAct_9fa48("825") ? "" : (stryCov_9fa48("825"), 'headline repeated at the end'));
              }
            }
          }
        }
      }
    }
    // "（下转3版）": the transcript continues on a page we do not have
    if (stryMutAct_9fa48("827") ? false : stryMutAct_9fa48("826") ? true : (stryCov_9fa48("826", "827"), jump)) ctx.report(stryMutAct_9fa48("828") ? `` : (stryCov_9fa48("828"), `incomplete source: the text continues on another page ("${jump.text}") that is not among the inputs`), stryMutAct_9fa48("829") ? {} : (stryCov_9fa48("829"), {
      line: jump.line,
      severity: stryMutAct_9fa48("830") ? "" : (stryCov_9fa48("830"), 'warning')
    }));
    ctx.out.headline = headline;
    ctx.fix(Object.values(counts).reduce(stryMutAct_9fa48("831") ? () => undefined : (stryCov_9fa48("831"), (a, b) => stryMutAct_9fa48("832") ? a - b : (stryCov_9fa48("832"), a + b)), 0));
    noiseCounts.set(ctx, counts);
    return lines;
  }
}
const noiseCounts = new WeakMap<RuleContext, Record<string, number>>();
export const noiseRule: CleaningRule = stryMutAct_9fa48("833") ? {} : (stryCov_9fa48("833"), {
  name: stryMutAct_9fa48("834") ? "" : (stryCov_9fa48("834"), 'noise'),
  stage: stryMutAct_9fa48("835") ? "" : (stryCov_9fa48("835"), 'lines'),
  description: stryMutAct_9fa48("836") ? "" : (stryCov_9fa48("836"), 'photo captions, QR-code prompts, page furniture and a headline repeated at the end removed'),
  applies: stryMutAct_9fa48("837") ? () => undefined : (stryCov_9fa48("837"), () => stryMutAct_9fa48("838") ? false : (stryCov_9fa48("838"), true)),
  transform
});
export function noise(input: Line[], file: string, opts: {
  segmented?: boolean;
  transcript?: boolean;
} = {}): NoiseResult {
  if (stryMutAct_9fa48("839")) {
    {}
  } else {
    stryCov_9fa48("839");
    const base = opts.segmented ? stryMutAct_9fa48("840") ? "" : (stryCov_9fa48("840"), 'segmented') : (stryMutAct_9fa48("843") ? opts.transcript !== false : stryMutAct_9fa48("842") ? false : stryMutAct_9fa48("841") ? true : (stryCov_9fa48("841", "842", "843"), opts.transcript === (stryMutAct_9fa48("844") ? true : (stryCov_9fa48("844"), false)))) ? stryMutAct_9fa48("845") ? "" : (stryCov_9fa48("845"), 'digest') : stryMutAct_9fa48("846") ? "" : (stryCov_9fa48("846"), 'paragraphs');
    let counts: Record<string, number> = {};
    const r = applyRule(stryMutAct_9fa48("847") ? {} : (stryCov_9fa48("847"), {
      ...noiseRule,
      transform: (l, ctx) => {
        if (stryMutAct_9fa48("848")) {
          {}
        } else {
          stryCov_9fa48("848");
          const out = transform(l, ctx);
          counts = stryMutAct_9fa48("849") ? noiseCounts.get(ctx) && {} : (stryCov_9fa48("849"), noiseCounts.get(ctx) ?? {});
          return out;
        }
      }
    }), input, file, stryMutAct_9fa48("850") ? {} : (stryCov_9fa48("850"), {
      layout: stryMutAct_9fa48("851") ? {} : (stryCov_9fa48("851"), {
        base,
        digestHead: stryMutAct_9fa48("852") ? true : (stryCov_9fa48("852"), false)
      })
    }));
    return stryMutAct_9fa48("853") ? {} : (stryCov_9fa48("853"), {
      lines: r.lines,
      diags: r.diags,
      fixes: r.fixes,
      headline: r.out.headline,
      counts
    });
  }
}