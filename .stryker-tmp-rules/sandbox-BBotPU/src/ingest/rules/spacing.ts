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
const WIDE_SPACE = stryMutAct_9fa48("1391") ? /[\u3000\u00a0\u2002-\u200a\u202f\u205f\t\f\V]/g : stryMutAct_9fa48("1390") ? /[^\u3000\u00a0\u2002-\u200a\u202f\u205f\t\f\v]/g : (stryCov_9fa48("1390", "1391"), /[\u3000\u00a0\u2002-\u200a\u202f\u205f\t\f\v]/g);
const ZERO_WIDTH = stryMutAct_9fa48("1392") ? /[^\u200b-\u200d\u2060\ufeff]/g : (stryCov_9fa48("1392"), /[\u200b-\u200d\u2060\ufeff]/g);
function tokenHasLetter(s: string, from: number, step: 1 | -1): boolean {
  if (stryMutAct_9fa48("1393")) {
    {}
  } else {
    stryCov_9fa48("1393");
    for (let i = from; stryMutAct_9fa48("1395") ? i >= 0 || i < s.length : stryMutAct_9fa48("1394") ? false : (stryCov_9fa48("1394", "1395"), (stryMutAct_9fa48("1398") ? i < 0 : stryMutAct_9fa48("1397") ? i > 0 : stryMutAct_9fa48("1396") ? true : (stryCov_9fa48("1396", "1397", "1398"), i >= 0)) && (stryMutAct_9fa48("1401") ? i >= s.length : stryMutAct_9fa48("1400") ? i <= s.length : stryMutAct_9fa48("1399") ? true : (stryCov_9fa48("1399", "1400", "1401"), i < s.length))); stryMutAct_9fa48("1402") ? i -= step : (stryCov_9fa48("1402"), i += step)) {
      if (stryMutAct_9fa48("1403")) {
        {}
      } else {
        stryCov_9fa48("1403");
        const ch = s[i]!;
        if (stryMutAct_9fa48("1406") ? ch === ' ' && isCjk(ch) : stryMutAct_9fa48("1405") ? false : stryMutAct_9fa48("1404") ? true : (stryCov_9fa48("1404", "1405", "1406"), (stryMutAct_9fa48("1408") ? ch !== ' ' : stryMutAct_9fa48("1407") ? false : (stryCov_9fa48("1407", "1408"), ch === (stryMutAct_9fa48("1409") ? "" : (stryCov_9fa48("1409"), ' ')))) || isCjk(ch))) return stryMutAct_9fa48("1410") ? true : (stryCov_9fa48("1410"), false);
        if (stryMutAct_9fa48("1412") ? false : stryMutAct_9fa48("1411") ? true : (stryCov_9fa48("1411", "1412"), (stryMutAct_9fa48("1413") ? /[^A-Za-z\u00c0-\u024f]/ : (stryCov_9fa48("1413"), /[A-Za-z\u00c0-\u024f]/)).test(ch))) return stryMutAct_9fa48("1414") ? false : (stryCov_9fa48("1414"), true);
      }
    }
    return stryMutAct_9fa48("1415") ? true : (stryCov_9fa48("1415"), false);
  }
}
const FRAGMENT_CH = stryMutAct_9fa48("1416") ? /[^0-9A-Za-z.]/ : (stryCov_9fa48("1416"), /[0-9A-Za-z.]/);

/** the run of ASCII letters, digits and dots ending before `end` (exclusive) or starting at `start` */
function fragmentBefore(s: string, end: number): string {
  if (stryMutAct_9fa48("1417")) {
    {}
  } else {
    stryCov_9fa48("1417");
    let i = end;
    while (stryMutAct_9fa48("1419") ? i > 0 || FRAGMENT_CH.test(s[i - 1]!) : stryMutAct_9fa48("1418") ? false : (stryCov_9fa48("1418", "1419"), (stryMutAct_9fa48("1422") ? i <= 0 : stryMutAct_9fa48("1421") ? i >= 0 : stryMutAct_9fa48("1420") ? true : (stryCov_9fa48("1420", "1421", "1422"), i > 0)) && FRAGMENT_CH.test(s[stryMutAct_9fa48("1423") ? i + 1 : (stryCov_9fa48("1423"), i - 1)]!))) stryMutAct_9fa48("1424") ? i++ : (stryCov_9fa48("1424"), i--);
    return stryMutAct_9fa48("1425") ? s : (stryCov_9fa48("1425"), s.slice(i, end));
  }
}
function fragmentAfter(s: string, start: number): string {
  if (stryMutAct_9fa48("1426")) {
    {}
  } else {
    stryCov_9fa48("1426");
    let j = start;
    while (stryMutAct_9fa48("1428") ? j < s.length || FRAGMENT_CH.test(s[j]!) : stryMutAct_9fa48("1427") ? false : (stryCov_9fa48("1427", "1428"), (stryMutAct_9fa48("1431") ? j >= s.length : stryMutAct_9fa48("1430") ? j <= s.length : stryMutAct_9fa48("1429") ? true : (stryCov_9fa48("1429", "1430", "1431"), j < s.length)) && FRAGMENT_CH.test(s[j]!))) stryMutAct_9fa48("1432") ? j-- : (stryCov_9fa48("1432"), j++);
    return stryMutAct_9fa48("1433") ? s : (stryCov_9fa48("1433"), s.slice(start, j));
  }
}
const DIGITS = stryMutAct_9fa48("1437") ? /^[^0-9]+$/ : stryMutAct_9fa48("1436") ? /^[0-9]$/ : stryMutAct_9fa48("1435") ? /^[0-9]+/ : stryMutAct_9fa48("1434") ? /[0-9]+$/ : (stryCov_9fa48("1434", "1435", "1436", "1437"), /^[0-9]+$/);
/** an English word: letters with at least one lowercase letter ("Windows", "billion") */
const WORD = stryMutAct_9fa48("1444") ? /^[A-Za-z]*[a-z][^A-Za-z]*$/ : stryMutAct_9fa48("1443") ? /^[A-Za-z]*[a-z][A-Za-z]$/ : stryMutAct_9fa48("1442") ? /^[A-Za-z]*[^a-z][A-Za-z]*$/ : stryMutAct_9fa48("1441") ? /^[^A-Za-z]*[a-z][A-Za-z]*$/ : stryMutAct_9fa48("1440") ? /^[A-Za-z][a-z][A-Za-z]*$/ : stryMutAct_9fa48("1439") ? /^[A-Za-z]*[a-z][A-Za-z]*/ : stryMutAct_9fa48("1438") ? /[A-Za-z]*[a-z][A-Za-z]*$/ : (stryCov_9fa48("1438", "1439", "1440", "1441", "1442", "1443", "1444"), /^[A-Za-z]*[a-z][A-Za-z]*$/);
/** a piece of a number: digits, a decimal point, digits with a decimal point */
const NUMBERISH = stryMutAct_9fa48("1453") ? /^(?:[0-9]+(?:\.[0-9]*)?|\.[^0-9]*)$/ : stryMutAct_9fa48("1452") ? /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9])$/ : stryMutAct_9fa48("1451") ? /^(?:[0-9]+(?:\.[^0-9]*)?|\.[0-9]*)$/ : stryMutAct_9fa48("1450") ? /^(?:[0-9]+(?:\.[0-9])?|\.[0-9]*)$/ : stryMutAct_9fa48("1449") ? /^(?:[0-9]+(?:\.[0-9]*)|\.[0-9]*)$/ : stryMutAct_9fa48("1448") ? /^(?:[^0-9]+(?:\.[0-9]*)?|\.[0-9]*)$/ : stryMutAct_9fa48("1447") ? /^(?:[0-9](?:\.[0-9]*)?|\.[0-9]*)$/ : stryMutAct_9fa48("1446") ? /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]*)/ : stryMutAct_9fa48("1445") ? /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]*)$/ : (stryCov_9fa48("1445", "1446", "1447", "1448", "1449", "1450", "1451", "1452", "1453"), /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]*)$/);

/** a code: capitals, digits and decimal points, no lowercase letter ("RCEP", "G20", "III", "2008", "3.5") */
const CODE = stryMutAct_9fa48("1457") ? /^[^A-Z0-9.]+$/ : stryMutAct_9fa48("1456") ? /^[A-Z0-9.]$/ : stryMutAct_9fa48("1455") ? /^[A-Z0-9.]+/ : stryMutAct_9fa48("1454") ? /[A-Z0-9.]+$/ : (stryCov_9fa48("1454", "1455", "1456", "1457"), /^[A-Z0-9.]+$/);

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
  if (stryMutAct_9fa48("1458")) {
    {}
  } else {
    stryCov_9fa48("1458");
    if (stryMutAct_9fa48("1461") ? !a && !b : stryMutAct_9fa48("1460") ? false : stryMutAct_9fa48("1459") ? true : (stryCov_9fa48("1459", "1460", "1461"), (stryMutAct_9fa48("1462") ? a : (stryCov_9fa48("1462"), !a)) || (stryMutAct_9fa48("1463") ? b : (stryCov_9fa48("1463"), !b)))) return stryMutAct_9fa48("1464") ? true : (stryCov_9fa48("1464"), false);
    if (stryMutAct_9fa48("1467") ? NUMBERISH.test(a) || NUMBERISH.test(b) : stryMutAct_9fa48("1466") ? false : stryMutAct_9fa48("1465") ? true : (stryCov_9fa48("1465", "1466", "1467"), NUMBERISH.test(a) && NUMBERISH.test(b))) return stryMutAct_9fa48("1468") ? false : (stryCov_9fa48("1468"), true);
    return stryMutAct_9fa48("1471") ? CODE.test(a) && CODE.test(b) || !(a.endsWith('.') && b.startsWith('.')) : stryMutAct_9fa48("1470") ? false : stryMutAct_9fa48("1469") ? true : (stryCov_9fa48("1469", "1470", "1471"), (stryMutAct_9fa48("1473") ? CODE.test(a) || CODE.test(b) : stryMutAct_9fa48("1472") ? true : (stryCov_9fa48("1472", "1473"), CODE.test(a) && CODE.test(b))) && (stryMutAct_9fa48("1474") ? a.endsWith('.') && b.startsWith('.') : (stryCov_9fa48("1474"), !(stryMutAct_9fa48("1477") ? a.endsWith('.') || b.startsWith('.') : stryMutAct_9fa48("1476") ? false : stryMutAct_9fa48("1475") ? true : (stryCov_9fa48("1475", "1476", "1477"), (stryMutAct_9fa48("1478") ? a.startsWith('.') : (stryCov_9fa48("1478"), a.endsWith(stryMutAct_9fa48("1479") ? "" : (stryCov_9fa48("1479"), '.')))) && (stryMutAct_9fa48("1480") ? b.endsWith('.') : (stryCov_9fa48("1480"), b.startsWith(stryMutAct_9fa48("1481") ? "" : (stryCov_9fa48("1481"), '.')))))))));
  }
}

/**
 * Collapse spaces in one line; returns the new text and how many space runs were removed/shrunk.
 * `segmented`: the line comes from word-segmented text, where a single space between ASCII
 * fragments may split one token (see `joinsFragments`).
 */
export function collapseSpaces(input: string, segmented = stryMutAct_9fa48("1482") ? true : (stryCov_9fa48("1482"), false)): {
  text: string;
  removed: number;
} {
  if (stryMutAct_9fa48("1483")) {
    {}
  } else {
    stryCov_9fa48("1483");
    let removed = 0;
    let s = input.replace(ZERO_WIDTH, () => {
      if (stryMutAct_9fa48("1484")) {
        {}
      } else {
        stryCov_9fa48("1484");
        stryMutAct_9fa48("1485") ? removed-- : (stryCov_9fa48("1485"), removed++);
        return stryMutAct_9fa48("1486") ? "Stryker was here!" : (stryCov_9fa48("1486"), '');
      }
    });
    s = s.replace(WIDE_SPACE, stryMutAct_9fa48("1487") ? "" : (stryCov_9fa48("1487"), ' '));
    const trimmed = stryMutAct_9fa48("1488") ? s : (stryCov_9fa48("1488"), s.trim());
    if (stryMutAct_9fa48("1492") ? trimmed.indexOf(' ') >= 0 : stryMutAct_9fa48("1491") ? trimmed.indexOf(' ') <= 0 : stryMutAct_9fa48("1490") ? false : stryMutAct_9fa48("1489") ? true : (stryCov_9fa48("1489", "1490", "1491", "1492"), trimmed.indexOf(stryMutAct_9fa48("1493") ? "" : (stryCov_9fa48("1493"), ' ')) < 0)) return stryMutAct_9fa48("1494") ? {} : (stryCov_9fa48("1494"), {
      text: trimmed,
      removed
    });
    let out = stryMutAct_9fa48("1495") ? "Stryker was here!" : (stryCov_9fa48("1495"), '');
    const n = trimmed.length;
    let i = 0;
    while (stryMutAct_9fa48("1498") ? i >= n : stryMutAct_9fa48("1497") ? i <= n : stryMutAct_9fa48("1496") ? false : (stryCov_9fa48("1496", "1497", "1498"), i < n)) {
      if (stryMutAct_9fa48("1499")) {
        {}
      } else {
        stryCov_9fa48("1499");
        const ch = trimmed[i]!;
        if (stryMutAct_9fa48("1502") ? ch === ' ' : stryMutAct_9fa48("1501") ? false : stryMutAct_9fa48("1500") ? true : (stryCov_9fa48("1500", "1501", "1502"), ch !== (stryMutAct_9fa48("1503") ? "" : (stryCov_9fa48("1503"), ' ')))) {
          if (stryMutAct_9fa48("1504")) {
            {}
          } else {
            stryCov_9fa48("1504");
            stryMutAct_9fa48("1505") ? out -= ch : (stryCov_9fa48("1505"), out += ch);
            stryMutAct_9fa48("1506") ? i-- : (stryCov_9fa48("1506"), i++);
            continue;
          }
        }
        let j = i;
        while (stryMutAct_9fa48("1508") ? j < n || trimmed[j] === ' ' : stryMutAct_9fa48("1507") ? false : (stryCov_9fa48("1507", "1508"), (stryMutAct_9fa48("1511") ? j >= n : stryMutAct_9fa48("1510") ? j <= n : stryMutAct_9fa48("1509") ? true : (stryCov_9fa48("1509", "1510", "1511"), j < n)) && (stryMutAct_9fa48("1513") ? trimmed[j] !== ' ' : stryMutAct_9fa48("1512") ? true : (stryCov_9fa48("1512", "1513"), trimmed[j] === (stryMutAct_9fa48("1514") ? "" : (stryCov_9fa48("1514"), ' ')))))) stryMutAct_9fa48("1515") ? j-- : (stryCov_9fa48("1515"), j++);
        const L = trimmed[stryMutAct_9fa48("1516") ? i + 1 : (stryCov_9fa48("1516"), i - 1)];
        const R = trimmed[j];
        let keep = stryMutAct_9fa48("1517") ? true : (stryCov_9fa48("1517"), false);
        if (stryMutAct_9fa48("1520") ? !isCjk(L) || !isCjk(R) : stryMutAct_9fa48("1519") ? false : stryMutAct_9fa48("1518") ? true : (stryCov_9fa48("1518", "1519", "1520"), (stryMutAct_9fa48("1521") ? isCjk(L) : (stryCov_9fa48("1521"), !isCjk(L))) && (stryMutAct_9fa48("1522") ? isCjk(R) : (stryCov_9fa48("1522"), !isCjk(R))))) {
          if (stryMutAct_9fa48("1523")) {
            {}
          } else {
            stryCov_9fa48("1523");
            if (stryMutAct_9fa48("1526") ? segmented && j - i === 1 && L !== undefined && R !== undefined || joinsFragments(fragmentBefore(trimmed, i), fragmentAfter(trimmed, j)) : stryMutAct_9fa48("1525") ? false : stryMutAct_9fa48("1524") ? true : (stryCov_9fa48("1524", "1525", "1526"), (stryMutAct_9fa48("1528") ? segmented && j - i === 1 && L !== undefined || R !== undefined : stryMutAct_9fa48("1527") ? true : (stryCov_9fa48("1527", "1528"), (stryMutAct_9fa48("1530") ? segmented && j - i === 1 || L !== undefined : stryMutAct_9fa48("1529") ? true : (stryCov_9fa48("1529", "1530"), (stryMutAct_9fa48("1532") ? segmented || j - i === 1 : stryMutAct_9fa48("1531") ? true : (stryCov_9fa48("1531", "1532"), segmented && (stryMutAct_9fa48("1534") ? j - i !== 1 : stryMutAct_9fa48("1533") ? true : (stryCov_9fa48("1533", "1534"), (stryMutAct_9fa48("1535") ? j + i : (stryCov_9fa48("1535"), j - i)) === 1)))) && (stryMutAct_9fa48("1537") ? L === undefined : stryMutAct_9fa48("1536") ? true : (stryCov_9fa48("1536", "1537"), L !== undefined)))) && (stryMutAct_9fa48("1539") ? R === undefined : stryMutAct_9fa48("1538") ? true : (stryCov_9fa48("1538", "1539"), R !== undefined)))) && joinsFragments(fragmentBefore(trimmed, i), fragmentAfter(trimmed, j)))) keep = stryMutAct_9fa48("1540") ? true : (stryCov_9fa48("1540"), false);else if (stryMutAct_9fa48("1543") ? isAsciiDigit(L) || isAsciiDigit(R) : stryMutAct_9fa48("1542") ? false : stryMutAct_9fa48("1541") ? true : (stryCov_9fa48("1541", "1542", "1543"), isAsciiDigit(L) && isAsciiDigit(R))) keep = stryMutAct_9fa48("1544") ? false : (stryCov_9fa48("1544"), true);else {
              if (stryMutAct_9fa48("1545")) {
                {}
              } else {
                stryCov_9fa48("1545");
                const lw = fragmentBefore(trimmed, i);
                const rw = fragmentAfter(trimmed, j);
                // two words ("Joe Biden"), or a word and a number ("Windows 10", "2 billion")
                keep = stryMutAct_9fa48("1548") ? (tokenHasLetter(trimmed, i - 1, -1) && tokenHasLetter(trimmed, j, 1) || WORD.test(lw) && DIGITS.test(rw)) && DIGITS.test(lw) && WORD.test(rw) : stryMutAct_9fa48("1547") ? false : stryMutAct_9fa48("1546") ? true : (stryCov_9fa48("1546", "1547", "1548"), (stryMutAct_9fa48("1550") ? tokenHasLetter(trimmed, i - 1, -1) && tokenHasLetter(trimmed, j, 1) && WORD.test(lw) && DIGITS.test(rw) : stryMutAct_9fa48("1549") ? false : (stryCov_9fa48("1549", "1550"), (stryMutAct_9fa48("1552") ? tokenHasLetter(trimmed, i - 1, -1) || tokenHasLetter(trimmed, j, 1) : stryMutAct_9fa48("1551") ? false : (stryCov_9fa48("1551", "1552"), tokenHasLetter(trimmed, stryMutAct_9fa48("1553") ? i + 1 : (stryCov_9fa48("1553"), i - 1), stryMutAct_9fa48("1554") ? +1 : (stryCov_9fa48("1554"), -1)) && tokenHasLetter(trimmed, j, 1))) || (stryMutAct_9fa48("1556") ? WORD.test(lw) || DIGITS.test(rw) : stryMutAct_9fa48("1555") ? false : (stryCov_9fa48("1555", "1556"), WORD.test(lw) && DIGITS.test(rw))))) || (stryMutAct_9fa48("1558") ? DIGITS.test(lw) || WORD.test(rw) : stryMutAct_9fa48("1557") ? false : (stryCov_9fa48("1557", "1558"), DIGITS.test(lw) && WORD.test(rw))));
              }
            }
          }
        }
        if (stryMutAct_9fa48("1560") ? false : stryMutAct_9fa48("1559") ? true : (stryCov_9fa48("1559", "1560"), keep)) {
          if (stryMutAct_9fa48("1561")) {
            {}
          } else {
            stryCov_9fa48("1561");
            out += stryMutAct_9fa48("1562") ? "" : (stryCov_9fa48("1562"), ' ');
            if (stryMutAct_9fa48("1566") ? j - i <= 1 : stryMutAct_9fa48("1565") ? j - i >= 1 : stryMutAct_9fa48("1564") ? false : stryMutAct_9fa48("1563") ? true : (stryCov_9fa48("1563", "1564", "1565", "1566"), (stryMutAct_9fa48("1567") ? j + i : (stryCov_9fa48("1567"), j - i)) > 1)) stryMutAct_9fa48("1568") ? removed-- : (stryCov_9fa48("1568"), removed++);
          }
        } else stryMutAct_9fa48("1569") ? removed-- : (stryCov_9fa48("1569"), removed++);
        i = j;
      }
    }
    return stryMutAct_9fa48("1570") ? {} : (stryCov_9fa48("1570"), {
      text: out,
      removed
    });
  }
}
function makeSpacingRule(name: 'spacing' | 'desegment', description: string, segmented: boolean, message: string): CleaningRule {
  if (stryMutAct_9fa48("1571")) {
    {}
  } else {
    stryCov_9fa48("1571");
    return lineRule(name, description, stryMutAct_9fa48("1572") ? () => undefined : (stryCov_9fa48("1572"), ctx => stryMutAct_9fa48("1575") ? ctx.layout.base === 'segmented' !== segmented : stryMutAct_9fa48("1574") ? false : stryMutAct_9fa48("1573") ? true : (stryCov_9fa48("1573", "1574", "1575"), (stryMutAct_9fa48("1578") ? ctx.layout.base !== 'segmented' : stryMutAct_9fa48("1577") ? false : stryMutAct_9fa48("1576") ? true : (stryCov_9fa48("1576", "1577", "1578"), ctx.layout.base === (stryMutAct_9fa48("1579") ? "" : (stryCov_9fa48("1579"), 'segmented')))) === segmented)), t => {
      if (stryMutAct_9fa48("1580")) {
        {}
      } else {
        stryCov_9fa48("1580");
        const {
          text,
          removed
        } = collapseSpaces(t, segmented);
        return stryMutAct_9fa48("1581") ? {} : (stryCov_9fa48("1581"), {
          text,
          count: removed
        });
      }
    }, stryMutAct_9fa48("1582") ? () => undefined : (stryCov_9fa48("1582"), n => stryMutAct_9fa48("1583") ? `` : (stryCov_9fa48("1583"), `${message} (${n})`)));
  }
}
export const spacingRule = makeSpacingRule(stryMutAct_9fa48("1584") ? "" : (stryCov_9fa48("1584"), 'spacing'), stryMutAct_9fa48("1585") ? "" : (stryCov_9fa48("1585"), 'stray spaces and wide blanks removed; a space stays only between Latin words or numbers'), stryMutAct_9fa48("1586") ? true : (stryCov_9fa48("1586"), false), stryMutAct_9fa48("1587") ? "" : (stryCov_9fa48("1587"), 'removed stray spaces'));
/** Word-segmented text: spaces between tokens; tokens split by the segmenter joined again. */
export const desegmentRule = makeSpacingRule(stryMutAct_9fa48("1588") ? "" : (stryCov_9fa48("1588"), 'desegment'), stryMutAct_9fa48("1589") ? "" : (stryCov_9fa48("1589"), 'word-segmented text joined: spaces between tokens removed, split digits and Latin tokens joined'), stryMutAct_9fa48("1590") ? false : (stryCov_9fa48("1590"), true), stryMutAct_9fa48("1591") ? "" : (stryCov_9fa48("1591"), 'joined word-segmented tokens'));
export const spacing = stryMutAct_9fa48("1592") ? () => undefined : (stryCov_9fa48("1592"), (() => {
  const spacing = (lines: Line[], file: string) => applyRule(spacingRule, lines, file, stryMutAct_9fa48("1593") ? {} : (stryCov_9fa48("1593"), {
    layout: stryMutAct_9fa48("1594") ? {} : (stryCov_9fa48("1594"), {
      base: stryMutAct_9fa48("1595") ? "" : (stryCov_9fa48("1595"), 'paragraphs'),
      digestHead: stryMutAct_9fa48("1596") ? true : (stryCov_9fa48("1596"), false)
    })
  }));
  return spacing;
})());
export const desegment = stryMutAct_9fa48("1597") ? () => undefined : (stryCov_9fa48("1597"), (() => {
  const desegment = (lines: Line[], file: string) => applyRule(desegmentRule, lines, file, stryMutAct_9fa48("1598") ? {} : (stryCov_9fa48("1598"), {
    layout: stryMutAct_9fa48("1599") ? {} : (stryCov_9fa48("1599"), {
      base: stryMutAct_9fa48("1600") ? "" : (stryCov_9fa48("1600"), 'segmented'),
      digestHead: stryMutAct_9fa48("1601") ? true : (stryCov_9fa48("1601"), false)
    })
  }));
  return desegment;
})());