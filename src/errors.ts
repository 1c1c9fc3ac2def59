/** An error meant for the user: its message names the file (and line when known). */
export class PressbookError extends Error {
  file?: string;
  line?: number;
  constructor(message: string, where: { file?: string; line?: number } = {}) {
    super(message);
    this.name = 'PressbookError';
    this.file = where.file;
    this.line = where.line;
  }
}
