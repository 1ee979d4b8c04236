/**
 * Contributing-factor themes as short phrases ("connection pool", "manual rollback approval"), kept in the words
 * people wrote. Phrases are matched across post-mortems by a light key (lower case, plural and -ing/-ed endings
 * folded) and shown in their most common written form.
 */
const EDGE_STOP = new Set(
  'a an and are as at be been but by for from had has have in into is it its of on or our so that the their them then there these this those to was we were what when which while who why with without not no nor after before during could did does do should would will can than too very all any also both each few more most other some such only own same just us you your they he she i my me'.split(
    ' ',
  ),
);

/** Words of one clause, any script's letters and digits kept ("Überwachung" stays whole). */
function words(clause: string): string[] {
  return clause
    .normalize('NFC')
    .toLocaleLowerCase('en')
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter(Boolean);
}

/** Folds endings so "timeouts"/"timeout" and "retrying"/"retried" meet; only for matching, never shown. */
export function foldWord(w: string): string {
  if (w.length > 5 && /(?:ies|ied)$/.test(w)) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

export const phraseKey = (phrase: string): string => phrase.split(' ').map(foldWord).join(' ');

/** The 2- and 3-word phrases of some texts that neither start nor end with a filler word, each once. */
export function factorPhrases(texts: string[]): string[] {
  const out = new Set<string>();
  for (const text of texts)
    for (const clause of text.split(/[.,;:!?()\n]+/)) {
      const ws = words(clause);
      for (let n = 2; n <= 3; n++)
        for (let i = 0; i + n <= ws.length; i++) {
          const gram = ws.slice(i, i + n);
          const first = gram[0] ?? '';
          const last = gram[n - 1] ?? '';
          if (EDGE_STOP.has(first) || EDGE_STOP.has(last) || first.length < 2 || last.length < 2) continue;
          out.add(gram.join(' '));
        }
    }
  return [...out];
}

/**
 * Phrases that recur in at least `min` post-mortems (counted once per post-mortem), longest first among equals;
 * a two-word phrase is left out when a three-word phrase containing it recurs just as often.
 */
export function recurringPhrases(perPostmortem: string[][], min = 2, top = 15): { phrase: string; count: number }[] {
  const groups = new Map<string, { count: number; forms: Map<string, number> }>();
  for (const phrases of perPostmortem) {
    const seen = new Set<string>();
    for (const p of phrases) {
      const key = phraseKey(p);
      const g = groups.get(key) ?? { count: 0, forms: new Map<string, number>() };
      if (!seen.has(key)) g.count += 1;
      seen.add(key);
      g.forms.set(p, (g.forms.get(p) ?? 0) + 1);
      groups.set(key, g);
    }
  }
  const recurring = [...groups].filter(([, g]) => g.count >= min);
  const kept = recurring.filter(
    ([key, g]) =>
      key.split(' ').length === 3 ||
      !recurring.some(
        ([other, o]) => other.split(' ').length === 3 && ` ${other} `.includes(` ${key} `) && o.count >= g.count,
      ),
  );
  return kept
    .map(([, g]) => ({
      phrase: [...g.forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '',
      count: g.count,
    }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.phrase.split(' ').length - a.phrase.split(' ').length ||
        a.phrase.localeCompare(b.phrase),
    )
    .slice(0, top);
}
