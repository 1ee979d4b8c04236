/** A small seeded generator (no dependencies): the same seed gives the same cases on every run. */
export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { next, int, pick };
}

/** Characters that break quoting, markup and encodings, mixed with ordinary text. */
const HOSTILE_PIECES = [
  '"',
  "'",
  '\\',
  '\\"',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u2028',
  '\ufdd0',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  '😀',
  'é',
  '<script>',
  '](javascript:',
  '## ',
  '| x |',
  ' AND project = OTHER',
  ')',
  'ORDER BY',
  '%',
  '&amp;',
  'a',
  ' ',
];

export function hostileString(r: ReturnType<typeof rng>, maxPieces = 8): string {
  return Array.from({ length: 1 + r.int(maxPieces) }, () => r.pick(HOSTILE_PIECES)).join('');
}
