/**
 * The print edition's page of every anchor, kept beside the outputs (`<out>/.pressbook-pages.json`) so
 * that the EPUB can carry a page-list of the PDF's pages: written by the print renderer after it verified
 * the pages, read by the EPUB renderer (in the same `build`, or later when `epub` runs alone). It is used
 * only while it belongs to the PDF on disk (same bytes) and to the same book (same inputs); otherwise
 * the EPUB has no page-list.
 */
import { fileSha256 } from '../../util/file-hash.js';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeFileAtomic } from '../../util/fs.js';
import { sha256Hex } from '../../util/hash.js';

const FILE = '.pressbook-pages.json';
const FORMAT = 1;

interface PageMapFile {
  format: number;
  /** the PDF's file name in the output folder */
  pdf: string;
  sha256: string;
  /** hash of the book's inputs (events, config, theme, notes) */
  book: string;
  /** paper size of the print edition (A5, A4 …) */
  size: string;
  /** anchor → printed page label */
  labels: Record<string, string>;
}

export interface PrintPages {
  labels: Map<string, string>;
  size: string;
  /** hash of the map (part of the EPUB's cache key) */
  key: string;
}

const bookKey = (inputs: unknown) => sha256Hex(JSON.stringify(inputs ?? null));

/** `sha256`: the PDF's, when the caller has it (else the file is read and hashed). */
export function writePageMap(out: string, pdfFile: string, inputs: unknown, size: string, labels: Map<string, string>, sha256?: string): void {
  const f: PageMapFile = { format: FORMAT, pdf: basename(pdfFile), sha256: sha256 ?? fileSha256(pdfFile), book: bookKey(inputs), size, labels: Object.fromEntries(labels) };
  writeFileAtomic(join(out, FILE), JSON.stringify(f) + '\n');
}

/** The page map of the PDF `pdfFile`, when one was recorded for exactly that file and this book. */
export function readPageMap(out: string, pdfFile: string, inputs: unknown): PrintPages | undefined {
  if (inputs === null || inputs === undefined) return undefined;
  try {
    const f = JSON.parse(readFileSync(join(out, FILE), 'utf8')) as PageMapFile;
    if (f.format !== FORMAT || f.pdf !== basename(pdfFile) || !existsSync(pdfFile)) return undefined;
    if (f.book !== bookKey(inputs) || f.sha256 !== fileSha256(pdfFile)) return undefined;
    const labels = new Map(Object.entries(f.labels));
    return labels.size ? { labels, size: f.size, key: sha256Hex(JSON.stringify(f.labels) + f.sha256) } : undefined;
  } catch {
    return undefined;
  }
}
