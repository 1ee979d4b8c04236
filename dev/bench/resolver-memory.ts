import { buildResolvers } from '../../src/resolvers/definitions';
import { localPlatform } from '../harness/platform';

/**
 * Run by the bench in a process of its own (argv: emulator URL, now, window days), so the figure is the
 * resolver's memory and not the bench's: the report's first view (closed months read from Jira and stored)
 * and a second one (read from storage), as the page asks for them. Prints the peak RSS in MB.
 */
async function main() {
  const [url = '', now = '0', windowDays = '365'] = process.argv.slice(2);
  const platform = localPlatform(url, { now: () => Number(now) });
  const r = buildResolvers(platform);
  const filters = { windowDays: Number(windowDays), service: null, category: null };
  const ctx = { accountId: 'acc-carol', projectKey: 'OPS' };
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  for (let i = 0; i < 2; i++) {
    const [h, d] = await Promise.all([r['report/headline'](filters, ctx), r['report/details'](filters, ctx)]);
    if (!h.ok || !d.ok) throw new Error('the report failed in the memory run');
  }
  clearInterval(sampler);
  console.log(JSON.stringify({ peakRssMb: Math.round(peak / 1048576) }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
