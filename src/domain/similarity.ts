/**
 * "Same root cause as an earlier incident?": a BM25 ranking over root cause and contributing factors,
 * boosted when category and service match. Plain and local: no outside service sees incident text.
 */
export interface IncidentText {
  key: string;
  created: string;
  service: string;
  category: string;
  rootCause: string;
  contributingFactors: string[];
}
export interface Candidate {
  key: string;
  score: number;
}

const STOP = new Set(
  'a an and are as at be because but by for from had has have in into is it its of on or our that the their then there this to was we were when which while with without not no after before during could did does should would than too very all any also been being both each few more most other some such only own same so can will just'.split(
    ' ',
  ),
);

/** Lower-case words, stop words removed, crude suffix stemming so "retries"/"retried"/"retry" meet. */
export function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map(stem);
}

function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 5 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

const textOf = (i: IncidentText) => tokens(`${i.rootCause} ${i.contributingFactors.join(' ')}`);

const K1 = 1.2;
const B = 0.75;
const CATEGORY_BOOST = 2.5;
const SERVICE_BOOST = 1.5;

/** Earlier incidents ranked by likeness to `target`; only those created before it can be repeated. */
export function rankSimilar(target: IncidentText, corpus: IncidentText[], limit = 5): Candidate[] {
  return scoreAll(target, corpus)
    .slice(0, limit)
    .map(({ key, score }) => ({ key, score }));
}

export type Strength = 'strong' | 'possible';
export interface ExplainedCandidate extends Candidate {
  strength: Strength;
  /** Words of the candidate's text that the target also uses, as written (not stems), rarest first. */
  sharedWords: string[];
}

/**
 * How a score reads to a person: the score relative to the best a candidate could reach (the target compared with
 * itself under the same corpus statistics). A candidate at 40% of that or more is "strong"; below a sixth it is
 * left out as noise. Calibrated on test/fixtures/similar-incidents.json (see the unit test).
 */
export const STRONG_AT = 0.4;
export const SHOWN_FROM = 0.15;

export function explainSimilar(target: IncidentText, corpus: IncidentText[], limit = 5): ExplainedCandidate[] {
  const scored = scoreAll(target, corpus);
  if (scored.length === 0) return [];
  const best = selfScore(target, corpus);
  const targetTerms = new Set(textOf(target));
  const byKey = new Map(corpus.map((c) => [c.key, c]));
  const df = documentFrequency(corpus.map(textOf));
  return scored
    .filter((s) => best > 0 && s.score / best >= SHOWN_FROM)
    .slice(0, limit)
    .map((s) => ({
      key: s.key,
      score: s.score,
      strength: s.score / best >= STRONG_AT ? 'strong' : 'possible',
      sharedWords: sharedWords(byKey.get(s.key), targetTerms, df),
    }));
}

function sharedWords(c: IncidentText | undefined, targetTerms: Set<string>, df: Map<string, number>): string[] {
  if (!c) return [];
  const seen = new Map<string, string>();
  for (const word of `${c.rootCause} ${c.contributingFactors.join(' ')}`.toLowerCase().split(/[^a-z0-9-]+/)) {
    const parts = word.split('-').filter(Boolean);
    const stems = parts.filter((w) => w.length > 2 && !STOP.has(w) && !/^\d+$/.test(w)).map(stem);
    for (const [i, st] of stems.entries()) if (targetTerms.has(st) && !seen.has(st)) seen.set(st, parts[i] ?? st);
  }
  return [...seen.entries()]
    .sort((a, b) => (df.get(a[0]) ?? 0) - (df.get(b[0]) ?? 0))
    .slice(0, 6)
    .map(([, word]) => word);
}

function documentFrequency(docs: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}

function selfScore(target: IncidentText, corpus: IncidentText[]): number {
  const self = { ...target, key: `${target.key}#self`, created: new Date(0).toISOString() };
  return (
    scoreAll({ ...target, created: new Date(8.64e15).toISOString() }, [...corpus, self]).find((s) => s.key === self.key)
      ?.score ?? 0
  );
}

function scoreAll(target: IncidentText, corpus: IncidentText[]): { key: string; score: number; created: string }[] {
  const earlier = corpus.filter((c) => c.key !== target.key && Date.parse(c.created) < Date.parse(target.created));
  if (earlier.length === 0) return [];
  const docs = earlier.map((c) => ({ c, terms: textOf(c) }));
  const avgLen = docs.reduce((n, d) => n + d.terms.length, 0) / docs.length || 1;
  const df = documentFrequency(docs.map((d) => d.terms));
  const query = [...new Set(textOf(target))];
  const scored = docs.map(({ c, terms }) => {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    let score = 0;
    for (const q of query) {
      const f = tf.get(q);
      if (!f) continue;
      const n = df.get(q) ?? 0;
      const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
      score += (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * terms.length) / avgLen));
    }
    if (target.category && c.category === target.category) score += CATEGORY_BOOST;
    if (target.service && c.service === target.service) score += SERVICE_BOOST;
    return { key: c.key, score: Math.round(score * 1000) / 1000, created: c.created };
  });
  return (
    scored
      .filter((s) => s.score > 0)
      // Ties go to the most recent earlier incident: a repeat usually repeats the last one.
      .sort((a, b) => b.score - a.score || Date.parse(b.created) - Date.parse(a.created))
  );
}
