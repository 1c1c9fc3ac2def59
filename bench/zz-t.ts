import { loadConfig } from '../src/config/load.js';
import { prepareBook } from '../src/build.js';
import { renderPdf } from '../src/render/print/pdf.js';
import { launchBrowser } from '../src/browser/launch.js';
async function main() {
  let t = performance.now();
  const c = loadConfig('examples/npc-foreign-press');
  const { book } = await prepareBook(c, '/tmp/rb-t');
  console.log('prepare', Math.round(performance.now() - t)); t = performance.now();
  const b = await launchBrowser();
  console.log('launch', Math.round(performance.now() - t)); t = performance.now();
  for (let i = 0; i < 3; i++) {
    const r = await renderPdf(book, '/tmp/rb-t/x.pdf', { buildRoot: '/tmp/rb-t/.b', browser: b });
    console.log('render', Math.round(performance.now() - t), r.pages, r.prints, JSON.stringify(r.timings)); t = performance.now();
  }
  await b.close();
  console.log('close', Math.round(performance.now() - t));
}
main();
