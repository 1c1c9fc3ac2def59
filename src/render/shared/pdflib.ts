/**
 * pdf-lib, loaded from its single-file build. `import … from 'pdf-lib'` loads some 300 CommonJS
 * files, and Node scans every one of them for its export names (cjs-module-lexer) to serve the ESM
 * import: about half a second of each `pressbook pdf`. The package's own UMD bundle (same version,
 * same code) is one file, required directly: no scan. Every module of pressbook takes pdf-lib from
 * here, never from 'pdf-lib': objects made by two copies would fail each other's `instanceof`.
 */
import { createRequire } from 'node:module';
import type * as PdfLib from 'pdf-lib';

const lib = createRequire(import.meta.url)('pdf-lib/dist/pdf-lib.min.js') as typeof PdfLib;

export const {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFPage,
  PDFPageLeaf,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  ParseSpeeds,
  ReadingDirection,
  decodePDFRawStream,
} = lib;

export type PDFArray = PdfLib.PDFArray;
export type PDFContext = PdfLib.PDFContext;
export type PDFDict = PdfLib.PDFDict;
export type PDFDocument = PdfLib.PDFDocument;
export type PDFHexString = PdfLib.PDFHexString;
export type PDFName = PdfLib.PDFName;
export type PDFNumber = PdfLib.PDFNumber;
export type PDFObject = PdfLib.PDFObject;
export type PDFPage = PdfLib.PDFPage;
export type PDFPageLeaf = PdfLib.PDFPageLeaf;
export type PDFRawStream = PdfLib.PDFRawStream;
export type PDFRef = PdfLib.PDFRef;
export type PDFStream = PdfLib.PDFStream;
export type PDFString = PdfLib.PDFString;
