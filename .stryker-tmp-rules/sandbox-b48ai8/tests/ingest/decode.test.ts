import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBuffer } from '../../src/ingest/decode.js';

const text = '王毅：各位记者朋友，大家好！\n2021年3月7日。\n';

describe('decode', () => {
  it('detects UTF-8, with and without BOM', () => {
    expect(decodeBuffer(Buffer.from(text), 'a')).toMatchObject({ text, encoding: 'utf-8', bom: false, eol: 'LF' });
    expect(decodeBuffer(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'a')).toMatchObject({ text, encoding: 'utf-8', bom: true });
  });
  it('detects GB18030 and CRLF', () => {
    const d = decodeBuffer(iconv.encode(text.replace(/\n/g, '\r\n'), 'gb18030'), 'a');
    expect(d).toMatchObject({ text, encoding: 'gb18030', eol: 'CRLF' });
  });
  it('detects UTF-16 LE/BE with and without BOM', () => {
    expect(decodeBuffer(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'a')).toMatchObject({ text, encoding: 'utf-16le', bom: true });
    expect(decodeBuffer(Buffer.from(text, 'utf16le'), 'a')).toMatchObject({ text, encoding: 'utf-16le', bom: false });
    expect(decodeBuffer(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16-be')]), 'a')).toMatchObject({ text, encoding: 'utf-16be' });
    expect(decodeBuffer(iconv.encode(text, 'utf16-be'), 'a')).toMatchObject({ text, encoding: 'utf-16be' });
  });
  it('rejects empty and binary input, naming the file', () => {
    expect(() => decodeBuffer(Buffer.alloc(0), 'x/empty.txt')).toThrow(/x\/empty\.txt: empty/);
    expect(() => decodeBuffer(Buffer.from(' \n\t\n'), 'blank.txt')).toThrow(/blank\.txt: empty/);
    const bin = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
    expect(() => decodeBuffer(bin, 'x.bin')).toThrow(/x\.bin: binary/);
  });
});
