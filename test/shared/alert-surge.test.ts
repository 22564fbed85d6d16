import { describe, expect, it } from 'vitest';
import { compileWatchlist } from '../../shared/alerts/keyword-match.js';
import { inQuietHours } from '../../shared/alerts/quiet-hours.js';
import { binomialTail, poissonTail, volumeSurge } from '../../shared/alerts/surge-test.js';

describe('surge tests', () => {
  it('computes Poisson and binomial tails', () => {
    expect(poissonTail(0, 3)).toBe(1);
    // P(X ≥ 1 | λ = 2) = 1 − e^−2
    expect(poissonTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 10);
    expect(poissonTail(30, 5)).toBeLessThan(1e-10);
    expect(binomialTail(2, 2, 0.5)).toBeCloseTo(0.25, 10);
  });
  it('fires on a real surge, not on a busy hour that is busy every week', () => {
    expect(volumeSurge(120, [100, 110, 95, 105], { alpha: 1e-4, minCount: 20, minRatio: 2 }).surge).toBe(false);
    expect(volumeSurge(300, [100, 110, 95, 105], { alpha: 1e-4, minCount: 20, minRatio: 2 }).surge).toBe(true);
    expect(volumeSurge(8, [0, 0, 0, 0], { alpha: 1e-4, minCount: 20, minRatio: 2 }).surge).toBe(false);
  });
});

describe('watchlists', () => {
  it('uses the topic rule language: any/all/none and exclusions, whole Latin words', () => {
    const m = compileWatchlist({ rules: [{ any: ['袭警', 'assault'], all: [], none: ['电影'] }, { any: [], all: ['爆炸', '地铁'], none: [] }], exclude: ['演习'] });
    expect(m('有人袭警')).toBe(true);
    expect(m('电影里的袭警镜头')).toBe(false);
    expect(m('袭警演习')).toBe(false);
    expect(m('地铁站附近爆炸')).toBe(true);
    expect(m('爆炸性新闻')).toBe(false);
    expect(m('Assaults on officers')).toBe(true);
    expect(m('assaultive')).toBe(false);
  });
});

describe('quiet hours', () => {
  it('spans midnight', () => {
    const at = Date.parse('2026-01-01T15:30:00Z'); // 23:30 in Shanghai
    expect(inQuietHours({ start: '22:00', end: '07:00' }, at, 'Asia/Shanghai')).toBe(true);
    expect(inQuietHours({ start: '08:00', end: '18:00' }, at, 'Asia/Shanghai')).toBe(false);
  });
});
