/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), enough to check what
 * GET /metrics prints: every line is a HELP, a TYPE or a sample; every family is declared once,
 * before its samples; sample names belong to their family (histograms: _bucket, _sum, _count).
 * Throws on the first line that breaks the format.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Scrape {
  types: Map<string, string>;
  samples: Sample[];
  /** Samples named `name` whose labels include `labels`. */
  find(name: string, labels?: Record<string, string>): Sample[];
  /** Their sum (0 when there are none). */
  sum(name: string, labels?: Record<string, string>): number;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`);
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

function parseValue(v: string, line: string): number {
  // Prometheus reads these as Go's ParseFloat does, in any case; prom-client writes NaN as `Nan`
  // (seen when the event-loop-lag histogram has no sample yet).
  if (/^\+?inf$/i.test(v)) return Infinity;
  if (/^-inf$/i.test(v)) return -Infinity;
  if (/^nan$/i.test(v)) return NaN;
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v)) throw new Error(`not a sample value: ${line}`);
  return Number(v);
}

function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (name.endsWith(suffix)) {
      const base = name.slice(0, -suffix.length);
      const t = types.get(base);
      if (t === 'histogram' || (t === 'summary' && suffix !== '_bucket')) return base;
    }
  }
  return undefined;
}

export function parsePrometheusText(text: string): Scrape {
  const types = new Map<string, string>();
  const helped = new Set<string>();
  const samples: Sample[] = [];
  const seenSamplesOf = new Set<string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^# HELP (${NAME}) (.*)$`).exec(line))) {
      if (helped.has(m[1]!)) throw new Error(`HELP twice for ${m[1]}`);
      helped.add(m[1]!);
      continue;
    }
    if ((m = new RegExp(`^# TYPE (${NAME}) (\\w+)$`).exec(line))) {
      if (types.has(m[1]!)) throw new Error(`TYPE twice for ${m[1]}`);
      if (!TYPES.has(m[2]!)) throw new Error(`unknown type: ${line}`);
      if (seenSamplesOf.has(m[1]!)) throw new Error(`TYPE after samples of ${m[1]}`);
      types.set(m[1]!, m[2]!);
      continue;
    }
    if (line.startsWith('#')) throw new Error(`a comment that is neither HELP nor TYPE: ${line}`);
    m = SAMPLE.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const family = familyOf(m[1]!, types);
    if (!family) throw new Error(`sample of an undeclared family: ${line}`);
    seenSamplesOf.add(family);
    const labels: Record<string, string> = {};
    let rest = m[2] ?? '';
    while (rest !== '') {
      const l = LABEL.exec(rest);
      if (!l) throw new Error(`bad labels: ${line}`);
      if (l[1]! in labels) throw new Error(`label twice: ${line}`);
      labels[l[1]!] = l[2]!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
      rest = rest.slice(l[0].length);
      if (l[3] === '' && rest !== '') throw new Error(`bad labels: ${line}`);
    }
    samples.push({ name: m[1]!, labels, value: parseValue(m[3]!, line) });
  }
  const find = (name: string, want: Record<string, string> = {}) =>
    samples.filter((s) => s.name === name && Object.entries(want).every(([k, v]) => s.labels[k] === v));
  return { types, samples, find, sum: (name, want) => find(name, want).reduce((a, s) => a + s.value, 0) };
}
