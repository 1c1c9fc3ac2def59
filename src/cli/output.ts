/**
 * What the command prints, and where: diagnostics and results on stderr; progress ("printing 2/3")
 * only on a terminal, never when CI is set or with --quiet; colour only on a terminal and never
 * with NO_COLOR (picocolors decides). --quiet keeps errors and warnings only; --verbose adds detail.
 */
import pc from 'picocolors';

export type Level = 'error' | 'warning' | 'info' | 'detail';

export interface Output {
  /** a result line ("pdf  dist/book.pdf (1.5 MiB)"): hidden by --quiet */
  info(s: string): void;
  /** a diagnostic, always shown */
  warn(s: string): void;
  error(s: string): void;
  /** --verbose only */
  detail(s: string): void;
  /** a transient progress line on a terminal: stage and count */
  progress(stage: string, done?: number, total?: number): void;
  /** the plain log function older code takes (info level) */
  log: (s: string) => void;
  quiet: boolean;
  verbose: boolean;
}

export interface OutputOptions {
  quiet?: boolean;
  verbose?: boolean;
  stream?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
  /** the clock (tests) */
  now?: () => number;
}

/** at most one progress line per stage every this many milliseconds (a stage's first and last count always show) */
const PROGRESS_INTERVAL_MS = 80;

export function createOutput(o: OutputOptions = {}): Output {
  const stream = o.stream ?? process.stderr;
  const env = o.env ?? process.env;
  const tty = !!stream.isTTY && !env.CI;
  const showProgress = tty && !o.quiet;
  const colors = pc.createColors(!!stream.isTTY && !('NO_COLOR' in env) && env.TERM !== 'dumb');
  const now = o.now ?? Date.now;
  let transient = false;
  // the stage shown, when it started and when its line was last written
  let shown = { stage: '', start: 0, at: 0 };
  const clear = () => {
    if (transient) stream.write('\r\x1b[2K');
    transient = false;
  };
  const line = (s: string) => {
    clear();
    stream.write(s + '\n');
  };
  const out: Output = {
    quiet: !!o.quiet,
    verbose: !!o.verbose,
    info: (s) => {
      if (!o.quiet) line(s);
    },
    warn: (s) => line(s.replace(/\bwarning\b/, colors.yellow('warning'))),
    error: (s) => line(s.replace(/\berror\b/, colors.red(colors.bold('error')))),
    detail: (s) => {
      if (o.verbose) line(colors.dim(s));
    },
    progress: (stage, done, total) => {
      if (!showProgress) return;
      const t = now();
      const finished = done !== undefined && !!total && done >= total;
      if (stage !== shown.stage) shown = { stage, start: t, at: t };
      else if (!finished && t - shown.at < PROGRESS_INTERVAL_MS) return;
      shown.at = t;
      const count = done !== undefined && total ? ` ${done}/${total}` : '';
      const secs = Math.floor((t - shown.start) / 1000);
      stream.write(`\r\x1b[2K${colors.cyan(stage)}${count}${secs >= 1 ? colors.dim(` ${secs} s`) : ''}`);
      transient = true;
      if (finished) clear();
    },
    log: (s) => out.info(s),
  };
  return out;
}

let current: Output | undefined;
/** The output of this run (set once from the global options before a command runs). */
export function output(): Output {
  return (current ??= createOutput());
}
export function setOutput(o: Output): void {
  current = o;
}
