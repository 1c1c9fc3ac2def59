/**
 * Encoding detection: BOM, UTF-16 without BOM (zero-byte pattern), strict UTF-8, else GB18030.
 * Binary and empty inputs are errors naming the file.
 */
// @ts-nocheck

import iconv from 'iconv-lite';
import { PressbookError } from '../errors.js';

export interface Decoded {
  text: string;
  encoding: string;
  /** line endings found in the raw text */
  eol: 'LF' | 'CRLF' | 'CR' | 'mixed' | 'none';
  bom: boolean;
  /** invalid byte sequences in a text that is UTF-8 otherwise: each replaced by U+FFFD and reported */
  invalid?: { line: number; column: number; bytes: string }[];
}

/**
 * Count well-formed multi-byte UTF-8 sequences and invalid bytes. A UTF-8 text with a few damaged
 * bytes has many of the first and few of the second; a GB18030 text has almost no well-formed ones.
 */
function utf8Census(buf: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = n > 0 && i + n < buf.length + 0;
    for (let k = 1; ok && k <= n; k++) if (((buf[i + k] ?? 0) & 0xc0) !== 0x80) ok = false;
    if (ok) {
      valid++;
      i += n + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** Where the U+FFFD replacements of a non-fatal UTF-8 decode are (line, column, the bytes). */
function invalidPlaces(buf: Uint8Array, text: string): { line: number; column: number; bytes: string }[] {
  const out: { line: number; column: number; bytes: string }[] = [];
  let line = 1;
  let col = 1;
  for (const ch of text) {
    if (ch === '\ufffd') out.push({ line, column: col, bytes: '' });
    if (ch === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  // the raw bytes, in order, for the messages
  let k = 0;
  for (let i = 0; i < buf.length && k < out.length; ) {
    const b = buf[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = n >= 0;
    for (let j = 1; ok && j <= n; j++) if (((buf[i + j] ?? 0) & 0xc0) !== 0x80) ok = false;
    if (ok) i += n + 1;
    else {
      out[k++]!.bytes = b.toString(16).toUpperCase().padStart(2, '0');
      i++;
    }
  }
  return out;
}

function utf16Guess(buf: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length, 65536) & ~1;
  if (n < 4) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) zeroEven++;
    if (buf[i + 1] === 0) zeroOdd++;
  }
  // UTF-16 text: ASCII units (newlines, digits, spaces) put their zero byte on one side only;
  // Han units rarely have a zero byte. UTF-8 and GB18030 text has no zero bytes at all.
  if (zeroOdd >= 2 && zeroOdd > 1.5 * zeroEven) return 'utf-16le';
  if (zeroEven >= 2 && zeroEven > 1.5 * zeroOdd) return 'utf-16be';
  return undefined;
}

/** Share of characters that plausibly belong to a text (Han, ASCII printable, CJK punctuation, whitespace). */
function plausible(text: string): number {
  const n = Math.min(text.length, 8192);
  if (!n) return 1;
  let ok = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xa0 && c <= 0x24f)) ok++;
  }
  return ok / n;
}

function looksBinary(text: string, replacementsReported = false): boolean {
  const n = Math.min(text.length, 8192);
  if (n === 0) return false;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || (c === 0xfffd && !replacementsReported) || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)) bad++;
  }
  return bad / n > 0.02;
}

function eolOf(text: string): Decoded['eol'] {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const cr = (text.match(/\r/g) ?? []).length - crlf;
  const kinds = [crlf > 0, lf > 0, cr > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf ? 'CRLF' : lf ? 'LF' : 'CR';
}

/** Decode raw bytes; the returned text has LF line endings and no BOM. */
export function decodeBuffer(buf: Uint8Array, file: string): Decoded {
  if (buf.length === 0) throw new PressbookError(`${file}: empty file`, { file });
  let encoding: string;
  let text: string;
  let bom = false;
  let invalid: Decoded['invalid'];
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    encoding = 'utf-8';
    bom = true;
    text = new TextDecoder('utf-8').decode(buf.subarray(3));
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    encoding = 'utf-16le';
    bom = true;
    text = new TextDecoder('utf-16le').decode(buf.subarray(2));
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    encoding = 'utf-16be';
    bom = true;
    text = iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16be');
  } else {
    const u16 = buf.includes(0) ? utf16Guess(buf) : undefined;
    const t16 = u16 ? (u16 === 'utf-16le' ? new TextDecoder('utf-16le').decode(buf) : iconv.decode(Buffer.from(buf), 'utf-16be')) : '';
    if (u16 && plausible(t16) > 0.95) {
      encoding = u16;
      text = t16;
    } else {
      if (buf.includes(0)) throw new PressbookError(`${file}: binary file (NUL bytes), not a text transcript`, { file });
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
        encoding = 'utf-8';
      } catch {
        const c = utf8Census(buf);
        if (c.valid >= 20 && c.invalid * 20 <= c.valid) {
          // UTF-8 with a few damaged bytes: keep the text, mark and report each bad byte
          text = new TextDecoder('utf-8').decode(buf);
          encoding = 'utf-8';
          invalid = invalidPlaces(buf, text);
        } else {
          text = iconv.decode(Buffer.from(buf), 'gb18030');
          encoding = 'gb18030';
        }
      }
    }
  }
  if (looksBinary(text, !!invalid?.length)) throw new PressbookError(`${file}: binary file (control bytes), not a text transcript`, { file });
  const eol = eolOf(text);
  text = text.replace(/\r\n?/g, '\n').replace(/^\ufeff/, '');
  if (text.trim() === '') throw new PressbookError(`${file}: empty file (only whitespace)`, { file });
  return invalid?.length ? { text, encoding, eol, bom, invalid } : { text, encoding, eol, bom };
}
