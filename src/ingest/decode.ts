/**
 * Encoding detection: BOM, UTF-16 without BOM (zero-byte pattern), strict UTF-8, else GB18030.
 * Binary and empty inputs are errors naming the file.
 */
import iconv from 'iconv-lite';
import { PressbookError } from '../errors.js';

export interface Decoded {
  text: string;
  encoding: string;
  /** line endings found in the raw text */
  eol: 'LF' | 'CRLF' | 'CR' | 'mixed' | 'none';
  bom: boolean;
}

function utf16Guess(buf: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) zeroEven++;
    if (buf[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  // ASCII-heavy UTF-16 has zeros on one side; CJK-heavy UTF-16 has few zeros, so also accept
  // "newline/space units" as evidence: 0x0A00 / 0x2000 (LE) patterns.
  if (zeroOdd / pairs > 0.3 && zeroEven / pairs < 0.05) return 'utf-16le';
  if (zeroEven / pairs > 0.3 && zeroOdd / pairs < 0.05) return 'utf-16be';
  // CJK text in UTF-16: look for LF/CR units (0x000A) aligned on pairs and no zero pairs elsewhere
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i + 1] === 0 && (buf[i] === 0x0a || buf[i] === 0x0d || buf[i] === 0x20)) le++;
    if (buf[i] === 0 && (buf[i + 1] === 0x0a || buf[i + 1] === 0x0d || buf[i + 1] === 0x20)) be++;
  }
  if (le > 2 && be === 0 && zeroEven === 0) return 'utf-16le';
  if (be > 2 && le === 0 && zeroOdd === 0) return 'utf-16be';
  return undefined;
}

function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  if (n === 0) return false;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)) bad++;
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
    const u16 = utf16Guess(buf);
    if (u16) {
      encoding = u16;
      text = u16 === 'utf-16le' ? new TextDecoder('utf-16le').decode(buf) : iconv.decode(Buffer.from(buf), 'utf-16be');
    } else {
      if (buf.includes(0)) throw new PressbookError(`${file}: binary file (NUL bytes), not a text transcript`, { file });
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
        encoding = 'utf-8';
      } catch {
        text = iconv.decode(Buffer.from(buf), 'gb18030');
        encoding = 'gb18030';
      }
    }
  }
  if (looksBinary(text)) throw new PressbookError(`${file}: binary file (control bytes), not a text transcript`, { file });
  const eol = eolOf(text);
  text = text.replace(/\r\n?/g, '\n').replace(/^\ufeff/, '');
  if (text.trim() === '') throw new PressbookError(`${file}: empty file (only whitespace)`, { file });
  return { text, encoding, eol, bom };
}
