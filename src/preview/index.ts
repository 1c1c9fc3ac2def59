/** `pressbook preview [book]`: serve the live preview until Ctrl-C (see server.ts). */
import { output } from '../cli/output.js';
import { startPreview } from './server.js';

export { startPreview, type PreviewServer, type PreviewOptions } from './server.js';

export async function previewCommand(book: string, o: { out: string; port?: string }) {
  const port = o.port === undefined ? 0 : Number(o.port);
  const server = await startPreview({ book, out: o.out, port, log: (s) => output().info(s) });
  await server.ready;
  for (const p of server.book.problems) output().warn(p.message);
  output().info(`preview: ${server.url}  (loopback only; Ctrl-C to stop)`);
  await new Promise<void>((r) => {
    const stop = () => r();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
}
