/** What happened when an alert tried to sound. */
export type SoundResult = 'played' | 'blocked' | 'unsupported';

type AudioContextCtor = new () => AudioContext;
let ctx: AudioContext | null = null;

function context(): AudioContext | null {
  const w = window as unknown as { AudioContext?: AudioContextCtor; webkitAudioContext?: AudioContextCtor };
  const Ctor = w.AudioContext ?? w.webkitAudioContext;
  if (!Ctor) return null;
  ctx ??= new Ctor();
  return ctx;
}

/** Unlocks audio silently on a user gesture, so later alerts can sound without one. */
export function primeAudio(): void {
  try {
    const c = context();
    if (c && c.state !== 'running') void c.resume().catch(() => undefined);
  } catch {
    // No audio on this device: alerts stay visual.
  }
}

/**
 * A short two-tone alert through WebAudio (no audio files). Browsers block sound until the page has
 * been interacted with; then this says 'blocked' rather than throwing, and the next call, after a
 * click, can play.
 */
export async function beep(): Promise<SoundResult> {
  try {
    const ctx = context();
    if (!ctx) return 'unsupported';
    if (ctx.state !== 'running') {
      // resume() can stay pending forever under an autoplay policy: do not wait for it.
      await Promise.race([ctx.resume().catch(() => undefined), new Promise((r) => setTimeout(r, 250))]);
    }
    if (ctx.state !== 'running') return 'blocked';
    const t = ctx.currentTime;
    for (const [offset, freq] of [[0, 880], [0.22, 660]] as const) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t + offset);
      gain.gain.exponentialRampToValueAtTime(0.25, t + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + offset + 0.18);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t + offset);
      osc.stop(t + offset + 0.2);
    }
    return 'played';
  } catch {
    return 'blocked';
  }
}

const MUTE_KEY = 'yuqing.alertMuted';

export function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

export function saveMuted(muted: boolean): void {
  try {
    localStorage.setItem(MUTE_KEY, muted ? '1' : '0');
  } catch {
    // The toggle still applies for this visit.
  }
}
