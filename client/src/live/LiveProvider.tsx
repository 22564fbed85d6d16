import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { AlertView } from '../../../shared/contracts/alerts.js';
import type { IncidentLiveEvent, IncidentView } from '../../../shared/contracts/incidents.js';
import type { ClientToServerEvents, LiveDelta, LiveSnapshot, ServerToClientEvents } from '../../../shared/contracts/live.js';
import { PERMISSIONS, can } from '../../../shared/contracts/roles.js';
import { isGated } from '../auth/pages.js';
import { useSession } from '../hooks/useSession.js';
import { isAuthRefusal } from './authRefusal.js';
import { mergeDelta, type LiveState } from './mergeDelta.js';
import { mergeIncident } from './mergeIncidents.js';

/**
 * connecting: first attempt in progress; connected: socket open; reconnecting: lost it and trying
 * again; offline: attempts keep failing (the server or the network is down).
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface Live {
  connection: ConnectionState;
  /** Null until the first snapshot; kept (stale) while reconnecting so the page does not go blank. */
  state: LiveState | null;
  incidents: LiveIncidents;
  alerts: LiveAlerts;
}

export interface LiveAlerts {
  /** Alerts pushed while this page was open (the `alert` event), latest state of each, newest first. */
  pushed: AlertView[];
  /** Grows with every pushed alert or acknowledgement: the bell re-reads on it. */
  revision: number;
}

export interface LiveIncidents {
  /** Incidents not yet clarified or dismissed, most urgent first (snapshot, then pushed changes). */
  open: IncidentView[];
  /** Ids pushed as newly opened while this page was open (the /live alert sounds for these). */
  arrived: number[];
  /** Latest `updatedAt` pushed per incident id, open or closed: pages showing one reload on change. */
  versions: Record<number, string>;
  /** Grows with every pushed change: lists reload on it. */
  revision: number;
}

const NO_INCIDENTS: LiveIncidents = { open: [], arrived: [], versions: {}, revision: 0 };
const NO_ALERTS: LiveAlerts = { pushed: [], revision: 0 };
/** Alerts kept from the socket; the bell and /alerts hold the full list. */
const KEPT_ALERTS = 50;

/** Failed attempts in a row after which "reconnecting" becomes "offline". */
const ATTEMPTS_BEFORE_OFFLINE = 2;

const LiveContext = createContext<Live | null>(null);

/**
 * Owns the one Socket.IO connection of the page; every view and the header read it. It connects
 * only for a signed-in user whose roles include live.read (and who has no pending password change
 * or enrolment), with the session cookie; a refusal for the session re-reads it, which sends an
 * ended session to /login.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [live, setLive] = useState<Live>({ connection: 'connecting', state: null, incidents: NO_INCIDENTS, alerts: NO_ALERTS });
  const stateRef = useRef<LiveState | null>(null);
  const { user, refresh } = useSession();
  const enabled = user !== null && can(user.roles, PERMISSIONS.liveRead) && !isGated(user);
  // A new socket per signed-in user: a different user must not keep the previous one's channel.
  const who = enabled ? user.id : null;

  useEffect(() => {
    if (who === null) return;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ reconnectionDelayMax: 5000, withCredentials: true });
    let failures = 0;
    let everConnected = false;
    let closed = false;
    // Deltas after a gap are useless until the fresh snapshot arrives.
    let awaitingSnapshot = true;

    const setConnection = (connection: ConnectionState) => setLive((l) => (l.connection === connection ? l : { ...l, connection }));
    const publish = (state: LiveState) => {
      stateRef.current = state;
      setLive((l) => ({ ...l, state }));
    };

    socket.on('connect', () => {
      failures = 0;
      everConnected = true;
      setConnection('connected');
    });
    socket.on('disconnect', (reason) => {
      awaitingSnapshot = true;
      // A server-side disconnect is not retried by the client library on its own. It is also how
      // an ended session is told: check the session first (a 401 leads to /login), then retry.
      if (reason === 'io server disconnect') void refresh().then(() => closed || socket.connect());
      setConnection('reconnecting');
    });
    socket.on('connect_error', (err) => {
      if (isAuthRefusal(err.message)) {
        // Stop retrying with a session the server refuses; if it turns out to be fine, try again later.
        socket.disconnect();
        setConnection('offline');
        void refresh().then(() => closed || setTimeout(() => closed || socket.connect(), 5000));
        return;
      }
      failures++;
      setConnection(!everConnected || failures >= ATTEMPTS_BEFORE_OFFLINE ? 'offline' : 'reconnecting');
    });
    socket.on('snapshot', (s: LiveSnapshot) => {
      awaitingSnapshot = false;
      publish(s);
      // A server without incidents sends none: keep what we have rather than blanking it.
      if (s.incidents) {
        const open = s.incidents;
        setLive((l) => ({ ...l, incidents: { ...l.incidents, open, revision: l.incidents.revision + 1 } }));
      }
    });
    socket.on('incident', (e: IncidentLiveEvent) => {
      setLive((l) => {
        const known = l.incidents.open.some((i) => i.id === e.incident.id) || l.incidents.arrived.includes(e.incident.id);
        return {
          ...l,
          incidents: {
            open: mergeIncident(l.incidents.open, e, Date.now()),
            arrived: e.kind === 'opened' && !known ? [...l.incidents.arrived, e.incident.id] : l.incidents.arrived,
            versions: { ...l.incidents.versions, [e.incident.id]: e.incident.updatedAt },
            revision: l.incidents.revision + 1,
          },
        };
      });
    });
    // Opened or acknowledged: replaces the alert with the same id (the server sends it only with alerts.read).
    socket.on('alert', (a: AlertView) => {
      setLive((l) => ({ ...l, alerts: { pushed: [a, ...l.alerts.pushed.filter((x) => x.id !== a.id)].slice(0, KEPT_ALERTS), revision: l.alerts.revision + 1 } }));
    });
    socket.on('delta', (d: LiveDelta) => {
      const current = stateRef.current;
      if (awaitingSnapshot || !current) return;
      const r = mergeDelta(current, d);
      if (r.ok) {
        publish(r.state);
      } else {
        awaitingSnapshot = true;
        socket.emit('resync');
      }
    });
    socket.on('problem', (p) => console.warn('live channel:', p.error));

    return () => {
      closed = true;
      socket.removeAllListeners();
      socket.disconnect();
      stateRef.current = null;
      setLive({ connection: 'connecting', state: null, incidents: NO_INCIDENTS, alerts: NO_ALERTS });
    };
  }, [who, refresh]);

  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  const ctx = useContext(LiveContext);
  if (!ctx) throw new Error('useLive must be used inside <LiveProvider>');
  return ctx;
}
