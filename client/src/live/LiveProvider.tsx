import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, LiveDelta, LiveSnapshot, ServerToClientEvents } from '../../../shared/contracts/live.js';
import { mergeDelta, type LiveState } from './mergeDelta.js';

/**
 * connecting: first attempt in progress; connected: socket open; reconnecting: lost it and trying
 * again; offline: attempts keep failing (the server or the network is down).
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface Live {
  connection: ConnectionState;
  /** Null until the first snapshot; kept (stale) while reconnecting so the page does not go blank. */
  state: LiveState | null;
}

/** Failed attempts in a row after which "reconnecting" becomes "offline". */
const ATTEMPTS_BEFORE_OFFLINE = 2;

const LiveContext = createContext<Live | null>(null);

/** Owns the one Socket.IO connection of the page; every view and the header read it. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [live, setLive] = useState<Live>({ connection: 'connecting', state: null });
  const stateRef = useRef<LiveState | null>(null);

  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ reconnectionDelayMax: 5000 });
    let failures = 0;
    let everConnected = false;
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
      // A server-side disconnect is not retried by the client library on its own.
      if (reason === 'io server disconnect') socket.connect();
      setConnection('reconnecting');
    });
    socket.on('connect_error', () => {
      failures++;
      setConnection(!everConnected || failures >= ATTEMPTS_BEFORE_OFFLINE ? 'offline' : 'reconnecting');
    });
    socket.on('snapshot', (s: LiveSnapshot) => {
      awaitingSnapshot = false;
      publish(s);
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
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, []);

  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  const ctx = useContext(LiveContext);
  if (!ctx) throw new Error('useLive must be used inside <LiveProvider>');
  return ctx;
}
