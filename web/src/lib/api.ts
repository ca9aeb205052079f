import type { TError } from '@samiti/common';

/** An HTTP failure from our API, carrying the server's error body (message already in the user's language). */
export class ApiError extends Error {
  readonly status: number;
  readonly error: string;
  readonly field: string | undefined;
  readonly requestId: string | undefined;
  /** On a 409: the record that already holds the phone, EPIC or name the request tried to use. */
  readonly existingId: number | undefined;
  /** The whole error body, for endpoints that send more than the message (an import's row report). */
  readonly body: Record<string, unknown> | undefined;

  constructor(input: {
    status: number;
    error: string;
    message: string;
    field?: string;
    requestId?: string;
    existingId?: number;
    body?: Record<string, unknown>;
  }) {
    super(input.message);
    this.name = 'ApiError';
    this.status = input.status;
    this.error = input.error;
    this.field = input.field;
    this.requestId = input.requestId;
    this.existingId = input.existingId;
    this.body = input.body;
  }
}

/** The request never got an HTTP answer (offline, timeout, DNS…). Its message is translated by the UI. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network', { cause });
    this.name = 'NetworkError';
  }
}

type Hooks = {
  /** The UI language, sent as Accept-Language so server messages come back in it. */
  getLanguage: () => string;
  /** Called on any 401 outside the login screen. */
  onUnauthorized: () => void;
};

const hooks: Hooks = {
  getLanguage: () => document.documentElement.lang || 'en',
  onUnauthorized: () => {
    if (window.location.pathname !== '/login') window.location.assign('/login');
  },
};

/** Lets the app plug its router and i18n into the fetch wrapper without this module importing them. */
export const configureApi = (next: Partial<Hooks>): void => {
  Object.assign(hooks, next);
};

type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds `/api/v1<path>?…`, dropping empty query values. */
export const apiUrl = (path: string, query?: Query): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
};

const isErrorBody = (value: unknown): value is Partial<TError> =>
  typeof value === 'object' && value !== null && 'error' in value && 'message' in value;

const toApiError = async (res: Response): Promise<ApiError> => {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): fall back to the status alone.
  }
  if (isErrorBody(body)) {
    return new ApiError({
      status: res.status,
      error: String(body.error),
      message: String(body.message),
      field: typeof body.field === 'string' ? body.field : undefined,
      requestId: typeof body.requestId === 'string' ? body.requestId : undefined,
      existingId: typeof body.existingId === 'number' ? body.existingId : undefined,
      body: body as Record<string, unknown>,
    });
  }
  // No server message: the UI words it from the status, in the user's language.
  return new ApiError({ status: res.status, error: `HTTP_${res.status}`, message: '' });
};

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is (a file upload), with its own content type; instead of `body`. */
  raw?: { data: Blob; contentType: string };
  signal?: AbortSignal;
};

/** JSON fetch against our API. Resolves with the parsed body (undefined for 204); rejects with ApiError or NetworkError. */
export const api = async <T>(path: string, options: RequestOptions = {}): Promise<T> => {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': hooks.getLanguage(),
  };
  if (options.raw) headers['Content-Type'] = options.raw.contentType;
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body: options.raw ? options.raw.data : options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new NetworkError(cause);
  }

  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401) hooks.onUnauthorized();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
};

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;
