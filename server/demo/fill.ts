import {
  COLOURS, COMMUNITIES, DISTRICTS, DISTRICTS_EN, EMO_FEAR, EMO_FUN, EMO_NEG, EMO_POS, FOODS, FOODS_EN,
  OFFICIAL_HANDLES, PLACES, PLACES_EN, ROADS, ROADS_EN, SCHOOLS, SLANG, STREETS, SURNAMES, TIMES, TIMES_EN,
} from './lexicon.js';
import type { Rng } from './random.js';
import { intBetween, pick } from './random.js';

/** Values that must stay the same across several texts (one rumour's district, for example). */
export type FixedSlots = Readonly<Record<string, string>>;

function money(rng: Rng): string {
  const n = intBetween(rng, 1, 90);
  return n < 10 ? `${n}千` : n < 60 ? `${(n / 10).toFixed(1).replace(/\.0$/, '')}万` : `${n - 50}万`;
}

function plate(rng: Rng): string {
  const letters = 'ABCDEFGHJK';
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  let tail = '';
  for (let i = 0; i < 5; i++) tail += chars[intBetween(rng, 0, chars.length - 1)];
  return `江${letters[intBetween(rng, 0, letters.length - 1)]}·${tail}`;
}

const SLOTS: Record<string, (rng: Rng) => string> = {
  district: (r) => pick(r, DISTRICTS),
  road: (r) => pick(r, ROADS),
  road2: (r) => pick(r, ROADS),
  place: (r) => pick(r, PLACES),
  community: (r) => pick(r, COMMUNITIES),
  street: (r) => pick(r, STREETS),
  school: (r) => pick(r, SCHOOLS),
  time: (r) => pick(r, TIMES),
  hhmm: (r) => `${intBetween(r, 6, 23)}点${pick(r, ['', '半', '多', `${intBetween(r, 1, 5)}0分`])}`,
  n: (r) => String(intBetween(r, 2, 9)),
  minutes: (r) => String(intBetween(r, 2, 9) * 10),
  hours: (r) => String(intBetween(r, 2, 6)),
  money,
  age: (r) => String(intBetween(r, 19, 58)),
  oldAge: (r) => String(intBetween(r, 68, 89)),
  kidAge: (r) => String(intBetween(r, 4, 11)),
  height: (r) => String(intBetween(r, 150, 178)),
  surname: (r) => pick(r, SURNAMES),
  colour: (r) => pick(r, COLOURS),
  food: (r) => pick(r, FOODS),
  plate,
  mm: (r) => String(intBetween(r, 35, 180)),
  official: (r) => pick(r, OFFICIAL_HANDLES),
  emoPos: (r) => pick(r, EMO_POS),
  emoNeg: (r) => pick(r, EMO_NEG),
  emoFun: (r) => pick(r, EMO_FUN),
  emoFear: (r) => pick(r, EMO_FEAR),
  slang: (r) => pick(r, SLANG),
  // English slots
  districtEn: (r) => pick(r, DISTRICTS_EN),
  roadEn: (r) => pick(r, ROADS_EN),
  placeEn: (r) => pick(r, PLACES_EN),
  timeEn: (r) => pick(r, TIMES_EN),
  foodEn: (r) => pick(r, FOODS_EN),
  usd: (r) => String(intBetween(r, 2, 60) * 100),
};

/**
 * Replaces each `{slot}` in a template. A slot repeated in one template gets one value, so
 * "{district}…{district}" stays consistent; `fixed` overrides a slot for the whole call.
 */
export function fillTemplate(template: string, rng: Rng, fixed: FixedSlots = {}): string {
  const chosen = new Map<string, string>();
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const fixedValue = fixed[name];
    if (fixedValue !== undefined) return fixedValue;
    const seen = chosen.get(name);
    if (seen !== undefined) return seen;
    const slot = SLOTS[name];
    if (!slot) throw new Error(`demo template uses unknown slot ${whole}`);
    const value = slot(rng);
    chosen.set(name, value);
    return value;
  });
}

/** Slot names the filler knows, for tests that check every template is fillable. */
export const SLOT_NAMES: readonly string[] = Object.keys(SLOTS);
