/** An error meant for the user: its message names the file (and line when known). */
// @ts-nocheck

export class PressbookError extends Error {
  file?: string;
  line?: number;
  /** what the user can do about it (e.g. which labels were expected and which were found) */
  hint?: string;
  constructor(message: string, where: { file?: string; line?: number; hint?: string } = {}) {
    super(message);
    this.name = 'PressbookError';
    this.file = where.file;
    this.line = where.line;
    if (where.hint) this.hint = where.hint;
  }
}
