import { API_PREFIX, type ApiError } from '../../../shared/contracts/api.js';
import { ACTOR_HEADER, encodeActor } from '../../../shared/contracts/incidents.js';

/**
 * A failed API call. `status` 0 means the server could not be reached at all, which pages show
 * differently ("server unreachable") from an answer that says what was wrong.
 */
export class ApiRequestError extends Error {
  override name = 'ApiRequestError';
  constructor(
    message: string,
    readonly status: number,
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

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiRequestError(err instanceof Error ? err.message : String(err), 0);
  }
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    if (type.includes('json')) {
      const body = (await res.json().catch(() => null)) as ApiError | null;
      if (body && typeof body.error === 'string') message = body.error;
    }
    throw new ApiRequestError(message, res.status);
  }
  if (!type.includes('json')) {
    // An HTML page where JSON was expected: the API route does not exist on this server.
    throw new ApiRequestError(`unexpected ${type || 'response'} from ${url}`, res.status);
  }
  return (await res.json()) as T;
}

/** POSTs a JSON body as `actor` (the officer's typed name); a refusal comes back as an ApiRequestError with the server's reason. */
export async function postAsActor<T>(path: string, body: unknown, actor: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', [ACTOR_HEADER]: encodeActor(actor) },
      body: JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiRequestError(err instanceof Error ? err.message : String(err), 0);
  }
  if (!res.ok) {
    const answer = (await res.json().catch(() => null)) as ApiError | null;
    throw new ApiRequestError(answer && typeof answer.error === 'string' ? answer.error : `${res.status} ${res.statusText}`, res.status);
  }
  return (await res.json()) as T;
}
