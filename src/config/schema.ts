import { z } from 'zod';

/** a text value; a bare number in YAML (`subtitle: 2017`) is read as its text */
const text = () => z.union([z.string(), z.number().transform(String)]);

export const PAGE_SIZES = ['A5', 'A4', 'B5', 'Letter'] as const;

const handoutSchema = z
  .object({
    name: z.string().regex(/^[\w.-]+$/, 'a file-name-safe name (letters, digits, - _ .)'),
    title: z.string().min(1),
    select: z.array(z.string().min(1)).min(1, 'at least one selector such as "topic:中美", "2021-03" or "2021-03-07-07"'),
    order: z.enum(['given', 'chronological']).default('chronological'),
    notes: z.string().optional(),
    variant: z.enum(['annotated', 'questions-only']).default('annotated'),
    ruled: z.boolean().default(false),
    page: z.enum(PAGE_SIZES).default('A4'),
    /** the two editions of a press conference side by side, one aligned row per paragraph (src/align) */
    parallel: z.boolean().optional(),
    /**
     * the edition to print (src/align pairs): an ordinary handout prints each question's counterpart in this
     * language; a parallel questions-only handout prints this language's questions, the other column ruled
     */
    language: z.string().min(1).optional(),
  })
  .strict();

/**
 * Structured Q&A corpora among the sources (JSON, JSON Lines, CSV/TSV): which field of a record holds
 * what. Names are keys of the record (dotted paths into nested JSON objects, e.g. "speaker.name") or
 * CSV column headers.
 */
export const structuredSchema = z
  .object({
    fields: z
      .object({
        question: z.string().min(1, 'the field holding the question text'),
        answer: z.string().min(1, 'the field holding the answer text'),
        date: z.string().min(1, 'the field holding the date (2019-03-12, 2019/3/12 or 2019年3月12日)'),
        speaker: z.string().min(1).optional(),
        outlet: z.string().min(1).optional(),
        /** records of one date with the same value form one press conference (default: one per date) */
        event: z.string().min(1).optional(),
        title: z.string().min(1).optional(),
      })
      .strict(),
    /** JSON: dotted path to the array of records when the file is not an array itself (e.g. "data.items") */
    records: z.string().min(1).optional(),
    /** CSV: the delimiter (default "," for .csv, tab for .tsv) */
    delimiter: z.string().length(1).optional(),
  })
  .strict();

const EDITION_NAMES = ['zh-Hans', 'zh-Hant-TW', 'zh-Hant-HK'] as const;
const editionSchema = z.union([
  z.enum(EDITION_NAMES).transform((name) => ({ name, vertical: false })),
  z.object({ name: z.enum(EDITION_NAMES), vertical: z.boolean().default(false) }).strict(),
]);

export const bookConfigSchema = z
  .object({
    id: z.string().regex(/^[\w.-]+$/, 'a stable identifier (letters, digits, - _ .)').optional(),
    title: text().pipe(z.string().min(1, 'a non-empty title')),
    subtitle: text().optional(),
    author: text().optional(),
    editor: text().optional(),
    description: text().optional(),
    /** the edition as printed in the colophon ("第一版", "2nd edition") */
    edition: text().optional(),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a BCP 47 language tag such as zh-CN').default('zh-CN'),
    sources: z.array(z.string().min(1)).min(1, 'at least one file or folder of raw transcripts'),
    theme: z.string().regex(/^[\w-]+$/).default('classic'),
    /** explicit Chrome/Chromium executable (PRESSBOOK_CHROME overrides it); relative to this file */
    browser: z.string().optional(),
    page: z
      .object({ size: z.enum(PAGE_SIZES).default('A5') })
      .strict()
      .default({ size: 'A5' }),
    output: z
      .object({
        pdf: z.string().default('book.pdf'),
        epub: z.string().default('book.epub'),
        markdown: z.string().default('markdown'),
      })
      .strict()
      .default({}),
    /** corpus knowledge kept out of the engine: a preset name (presets/<name>.yaml) or a YAML path relative to this file */
    preset: z.string().min(1).optional(),
    topics: z.record(z.string(), z.array(z.string())).default({}),
    /** other names of a topic tag, merged into it in the index: tag → [aliases] (added to the preset's) */
    topicAliases: z.record(z.string(), z.array(z.string())).default({}),
    /** spellings of one outlet, merged in the index: canonical name → [aliases] (added to the preset's) */
    outlets: z.record(z.string(), z.array(z.string())).default({}),
    notes: z.string().optional(),
    annotations: z
      .object({ pdf: z.boolean().default(false), epub: z.boolean().default(false) })
      .strict()
      .default({}),
    handouts: z.array(handoutSchema).default([]),
    /** the book design by size: up to `richUpTo` questions and follow-ups every question gets a TOC line (see render/shared/book-view.ts) */
    design: z
      .object({ richUpTo: z.number().int().min(0).optional() })
      .strict()
      .optional(),
    /** editions of a press conference in two languages (paired by src/align): epub: each paragraph followed by its translation */
    bilingual: z
      .object({ epub: z.boolean().default(false) })
      .strict()
      .default({}),
    structured: structuredSchema.optional(),
    /**
     * The editions `build` prints from the same cleaned Markdown (src/model/edition.ts): zh-Hans (the book
     * as cleaned), zh-Hant-TW, zh-Hant-HK; an entry may be `{ name: zh-Hant-TW, vertical: true }`.
     * Absent: the one book as cleaned.
     */
    editions: z.array(editionSchema).min(1).optional(),
  })
  .strict();

export type BookConfig = z.infer<typeof bookConfigSchema> & { /** folder of pressbook.yaml */ root: string; file: string };
export type HandoutConfig = z.infer<typeof handoutSchema>;
export type StructuredConfig = z.infer<typeof structuredSchema>;
