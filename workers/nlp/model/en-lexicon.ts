import { createRequire } from 'node:module';

/**
 * natural's English SentiCon vocabulary (~25k words with a polarity in [-1, 1]), read straight from
 * its JSON file: importing natural itself loads ~150 MB and prints to stdout.
 */
let senticon: Map<string, number> | undefined;

export function senticonPolarity(): Map<string, number> {
  if (senticon) return senticon;
  const require = createRequire(import.meta.url);
  const raw = require('natural/lib/natural/sentiment/English/senticon_en.json') as Record<string, { pol: string }>;
  const m = new Map<string, number>();
  for (const [w, e] of Object.entries(raw)) {
    const p = Number(e.pol);
    if (p !== 0 && Number.isFinite(p) && !w.includes('_')) m.set(w, p);
  }
  senticon = m;
  return m;
}
