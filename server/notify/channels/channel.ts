import type { AlertMessage } from '../message.js';

/** One contact point's settings with its secrets opened, as a channel needs them. */
export type ChannelConfig = Record<string, unknown>;

export interface ChannelContext {
  now: () => number;
  timeZone: string;
  timeoutMs: number;
}

/** A delivery attempt that did not land: `code` is the HTTP or SMTP status when there was one. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly code: number | null,
    /** false: retrying cannot help (a 4xx other than 429, a rejected signature). */
    readonly retryable = true,
  ) {
    super(message);
  }
}

export interface Channel {
  /** Sends once; resolves with the response code, throws DeliveryError. */
  send(cfg: ChannelConfig, msg: AlertMessage, ctx: ChannelContext): Promise<number>;
}

export function str(cfg: ChannelConfig, key: string): string {
  const v = cfg[key];
  if (typeof v !== 'string' || v === '') throw new DeliveryError(`contact point has no ${key}`, null, false);
  return v;
}

export function optStr(cfg: ChannelConfig, key: string): string | undefined {
  const v = cfg[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}
