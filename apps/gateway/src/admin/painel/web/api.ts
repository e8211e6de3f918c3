/** The admin token lives in this tab's sessionStorage only: never in a URL, a cookie or a log. */
const TOKEN_KEY = 'pucomex-painel-token';

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  save: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** The portal's error body, as the admin API answers it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: any,
  ) {
    super(describeError(status, body));
  }
}

function describeError(status: number, body: any): string {
  if (body?.errors?.length) return body.errors.map((e: any) => `${e.field}: ${e.message}`).join('; ');
  return body?.message ? `${body.code ? `${body.code}: ` : ''}${body.message}` : `HTTP ${status}`;
}

export async function api<T = any>(method: string, path: string, body?: unknown, token = session.token()): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: {
      Authorization: `Bearer ${token ?? ''}`,
      Accept: 'application/json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed as T;
}

export interface StreamEvent {
  type: string;
  data: any;
}

/**
 * Reads the server-sent events stream with fetch (EventSource cannot send the Authorization header).
 * Resolves when the stream ends; rejects on an HTTP error.
 */
export async function readStream(onEvent: (event: StreamEvent) => void, signal: AbortSignal): Promise<void> {
  const response = await fetch('/admin/painel/stream', {
    headers: { Authorization: `Bearer ${session.token() ?? ''}`, Accept: 'text/event-stream' },
    signal,
  });
  if (!response.ok || !response.body) throw new ApiError(response.status, undefined);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) type = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length) onEvent({ type, data: JSON.parse(data.join('\n')) });
    }
  }
}
