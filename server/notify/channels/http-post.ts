import { DeliveryError } from './channel.js';

/**
 * POSTs a JSON body and returns the status and parsed answer. Non-2xx → DeliveryError (4xx other
 * than 408/429 are not retried: the request itself is wrong). `platformOk` checks the robots' own
 * error field: DingTalk, WeCom and Feishu answer 200 with `errcode`/`code` ≠ 0 on a bad token,
 * a wrong signature or a malformed message.
 */
export async function postJson(
  url: string,
  body: string,
  opts: { headers?: Record<string, string>; timeoutMs: number; platformOk?: (answer: unknown) => string | null },
): Promise<number> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...opts.headers },
      body,
      signal: AbortSignal.timeout(opts.timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    throw new DeliveryError(`request failed: ${(err as Error).message}`, null);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) {
    const retryable = res.status >= 500 || res.status === 408 || res.status === 429;
    throw new DeliveryError(`HTTP ${res.status}: ${text.slice(0, 200)}`, res.status, retryable);
  }
  if (opts.platformOk) {
    let answer: unknown = null;
    try {
      answer = JSON.parse(text);
    } catch {
      throw new DeliveryError(`answer is not JSON: ${text.slice(0, 200)}`, res.status);
    }
    const problem = opts.platformOk(answer);
    // Rate limits (DingTalk 130101, WeCom 45009, Feishu 9499/11232) are worth retrying; the rest is configuration.
    if (problem) throw new DeliveryError(problem, res.status, /\b(130101|45009|9499|11232)\b/.test(problem));
  }
  return res.status;
}

/** The `errcode`/`errmsg` answer of DingTalk and WeCom robots. */
export function errcodeOk(answer: unknown): string | null {
  const a = answer as { errcode?: unknown; errmsg?: unknown } | null;
  return a && a.errcode === 0 ? null : `robot refused: errcode ${String(a?.errcode)} ${String(a?.errmsg ?? '')}`;
}
