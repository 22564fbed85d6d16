import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useNow } from '../hooks/useNow.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useLive } from '../live/LiveProvider.js';
import { needingAcknowledgement, withClock } from '../live/mergeIncidents.js';
import { beep, primeAudio, readMuted, saveMuted, type SoundResult } from '../lib/beep.js';
import { ClockBadge } from './IncidentBadges.js';

const LISTED = 5;

/**
 * The duty officer's alarm on /live: a banner listing incidents nobody has acknowledged, and a
 * short tone whenever a new one is pushed while the page is open (unless muted; the choice is kept).
 */
export function IncidentAlert() {
  const { t } = useI18n();
  const a = t.incidents.alert;
  const { incidents } = useLive();
  const now = useNow();
  const [muted, setMuted] = useState(readMuted);
  const [hidden, setHidden] = useState<ReadonlySet<number>>(() => new Set());
  const [sound, setSound] = useState<SoundResult | 'muted' | 'idle'>('idle');
  const arrived = incidents.arrived.length;
  const sounded = useRef(arrived);

  useEffect(() => {
    if (arrived <= sounded.current) return;
    sounded.current = arrived;
    if (muted) {
      setSound('muted');
      return;
    }
    let live = true;
    void beep().then((r) => live && setSound(r));
    return () => {
      live = false;
    };
  }, [arrived, muted]);

  // Browsers allow sound only after a gesture: the first click or key on the page unlocks it.
  useEffect(() => {
    const unlock = () => primeAudio();
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);

  const pending = needingAcknowledgement(incidents.open).filter((i) => !hidden.has(i.id));
  const toggle = () => {
    saveMuted(!muted);
    setMuted(!muted);
  };

  return (
    <div className="incident-alert-area">
      <div className="alert-tools no-print">
        <button type="button" aria-pressed={muted} onClick={toggle} data-testid="alert-mute">
          {muted ? a.unmute : a.mute}
        </button>
      </div>
      <div aria-live="assertive">
        {pending.length > 0 && (
          <section className="incident-alert" data-testid="incident-alert" data-sound={sound} aria-labelledby="incident-alert-title">
            <h2 id="incident-alert-title">⚠ {a.title(pending.length)}</h2>
            <ul>
              {pending.slice(0, LISTED).map((raw) => {
                const inc = withClock(raw, now);
                return (
                  <li key={inc.id}>
                    <Link to={`/incidents/${inc.id}`} data-testid="incident-alert-link">
                      {t.incidents.number(inc.id)}
                    </Link>{' '}
                    <span className="incident-alert-text">{inc.storyText}</span> <ClockBadge clock={inc.clock} />
                  </li>
                );
              })}
            </ul>
            <div className="action-row">
              <Link className="button primary" to={pending.length === 1 ? `/incidents/${pending[0]!.id}` : '/incidents'}>
                {a.view}
              </Link>
              <button type="button" onClick={() => setHidden(new Set([...hidden, ...pending.map((i) => i.id)]))}>
                {a.dismiss}
              </button>
            </div>
            {sound === 'blocked' && <p className="small">{a.soundBlocked}</p>}
          </section>
        )}
      </div>
    </div>
  );
}
