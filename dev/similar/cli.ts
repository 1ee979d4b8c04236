import fs from 'node:fs';
import { z } from 'zod';
import { rankSimilar } from '../../src/domain/similarity';

/**
 * `npm run -s similar -- FILE`: FILE is a JSON array of { key, created, service, category, rootCause,
 * contributingFactors }. Prints, for each incident, the earlier incidents most alike, best first.
 */
const Input = z.array(
  z
    .object({
      key: z.string().min(1),
      created: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date'),
      service: z.string(),
      category: z.string(),
      rootCause: z.string(),
      contributingFactors: z.array(z.string()),
    })
    .passthrough(),
);

function main(): number {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run -s similar -- FILE.json');
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const parsed = Input.safeParse(raw);
  if (!parsed.success) {
    console.error(
      `${file} is not a list of incidents:\n${parsed.error.issues
        .slice(0, 10)
        .map((i) => `  [${i.path.join('.')}] ${i.message}`)
        .join('\n')}`,
    );
    return 2;
  }
  const out = parsed.data.map((i) => ({ key: i.key, candidates: rankSimilar(i, parsed.data) }));
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

process.exit(main());
