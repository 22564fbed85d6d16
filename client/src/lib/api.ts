import { API_PREFIX, type ApiError } from '../../../shared/contracts/api.js';
import { CSRF_HEADER } from '../../../shared/contracts/auth.js';

/**
 * A failed API call. `status` 0 means the server could not be reached at all, which pages show
 * differently ("server unreachable") from an answer that says what was wrong. `body` is the
 * server's JSON answer (e.g. `totp`, `problems`), `retryAfter` its Retry-After in seconds.
 */
export class ApiRequestError extends Error {
  override name = 'ApiRequestError';
  constructor(
    message: string,
    readonly status: number,
    readonly body: Record<string, unknown> | null = null,
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
  get unreachable(): boolean {
    // 502-504 come from a proxy (the Vite dev server or a load balancer) standing in for a dead server.
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

export type QueryValue = string | number | boolean | undefined | null;

/** A query string from defined, non-empty values, in a stable order so URLs are shareable and cacheable. */
export function toQuery(params: Record<string, QueryValue>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function apiUrl(path: string, params: Record<string, QueryValue> = {}): string {
  return `${API_PREFIX}${path}${toQuery(params)}`;
}

// ---- The session's side of every request ----

/** The session's CSRF token (from the last login or /auth/me answer), sent on every write. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * What an answer says about the session: `signedOut` (401: no session, or it ended), `gate` (403
 * "password change required" / "totp enrolment required": the session must be re-read so the
 * forced page shows).
 */
export type SessionSignal = 'signedOut' | 'gate';
type SignalListener = (signal: SessionSignal) => void;
let listener: SignalListener | null = null;

/** The session provider listens here; returns the unsubscribe function. */
export function onSessionSignal(l: SignalListener): () => void {
  listener = l;
  return () => {
    if (listener === l) listener = null;
  };
}

export const GATE_ERRORS = ['password change required', 'totp enrolment required'];

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Whether a 401 means "the session ended" (the default). Off for sign-in and for the calls
   * whose 401 means a wrong password, which the form itself shows.
   */
  signalOn401?: boolean;
  /** Extra request headers (e.g. If-Match for a versioned edit). */
  headers?: Record<string, string>;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * One API request: the session cookie goes along (same origin), a write carries the CSRF header,
 * a 401 or a gate answer is reported to the session. Resolves to the JSON answer, or undefined
 * for 204.
 */
export async function request<T>(method: string, url: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (WRITES.has(method) && csrfToken) headers[CSRF_HEADER] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      signal: opts.signal,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    throw new ApiRequestError(err instanceof Error ? err.message : String(err), 0);
  }
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    let body: Record<string, unknown> | null = null;
    if (type.includes('json')) {
      body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
      const error = (body as Partial<ApiError> | null)?.error;
      if (typeof error === 'string') message = error;
    }
    const retry = Number(res.headers.get('retry-after'));
    if (res.status === 401 && opts.signalOn401 !== false) listener?.('signedOut');
    if (res.status === 403 && GATE_ERRORS.includes(message)) listener?.('gate');
    throw new ApiRequestError(message, res.status, body, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  if (res.status === 204) return undefined as T;
  if (!type.includes('json')) {
    // An HTML page where JSON was expected: the API route does not exist on this server.
    throw new ApiRequestError(`unexpected ${type || 'response'} from ${url}`, res.status);
  }
  return (await res.json()) as T;
}

export function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return request<T>('GET', url, { signal });
}

/** A write (POST/PUT/PATCH/DELETE) to an API path with a JSON body; a refusal comes back as an ApiRequestError with the server's reason. */
export function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}): Promise<T> {
  return request<T>(method, apiUrl(path), { ...opts, body });
}

/** POSTs a JSON body; the act is signed by the signed-in user (the server reads the session, not a typed name). */
export function postJson<T>(path: string, body: unknown): Promise<T> {
  return sendJson<T>('POST', path, body);
}
