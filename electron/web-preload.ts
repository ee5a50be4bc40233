import { METHOD_NAMES, type ApiEvent, type Bridge, type Envelope, type PickedFile } from '../shared/api';

// The web host's equivalent of preload.ts: defines window.bantam over HTTP and server-sent events,
// so the renderer runs unchanged and cannot tell which host serves it. Auth rides on the cookie.
const call = async (method: string, input: unknown): Promise<Envelope<unknown>> => {
  const response = await fetch(`./api/${encodeURIComponent(method)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  if (response.status === 403) {
    return { ok: false, error: { code: 'forbidden', message: 'The web host refused the request.', messageKey: 'errors.forbidden' } };
  }
  return (await response.json()) as Envelope<unknown>;
};

const listeners = new Set<(event: ApiEvent) => void>();
let source: EventSource | null = null;

const onEvent = (listener: (event: ApiEvent) => void): (() => void) => {
  listeners.add(listener);
  if (!source) {
    source = new EventSource('./events');
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as ApiEvent;
      for (const l of listeners) l(event);
    };
  }
  return () => {
    listeners.delete(listener);
  };
};

// Carries the HTTP status so the renderer can say "too large" in the user's language.
class UploadError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'UploadError';
    this.status = status;
  }
}

// The browser's own file chooser. The file never has a path here, so its bytes go to the host,
// which keeps them in a private temp folder and answers the path the backend can read.
const chooseFile = (): Promise<File | null> =>
  new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.tsv,.txt,.xlsx';
    input.hidden = true;
    input.dataset.bantam = 'import-file';
    const done = (file: File | null): void => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });

const pickImportFile = async (): Promise<PickedFile | null> => {
  const file = await chooseFile();
  if (!file) return null;
  const response = await fetch(`./upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: file,
  });
  const answer = (await response.json().catch(() => ({}))) as Partial<PickedFile> & { error?: string };
  if (!response.ok || typeof answer.path !== 'string' || typeof answer.name !== 'string') {
    throw new UploadError(response.status, answer.error ?? `The web host refused the upload (${response.status}).`);
  }
  return { path: answer.path, name: answer.name };
};

// No save dialog in a page: the host reserves a file in its private temp folder for the export...
const pickExportFile = async (suggestedName: string): Promise<PickedFile | null> => {
  const response = await fetch(`./export-target?name=${encodeURIComponent(suggestedName)}`, { method: 'POST', credentials: 'same-origin' });
  const answer = (await response.json().catch(() => ({}))) as Partial<PickedFile> & { error?: string };
  if (!response.ok || typeof answer.path !== 'string' || typeof answer.name !== 'string') {
    throw new Error(answer.error ?? `The web host could not prepare the export file (${response.status}).`);
  }
  return { path: answer.path, name: answer.name };
};

// ...and once it is written, the browser downloads it (to its Downloads folder, or where it asks).
const deliverExportFile = async (file: PickedFile): Promise<void> => {
  const link = document.createElement('a');
  link.href = `./download?path=${encodeURIComponent(file.path)}`;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
};

const bridge = Object.freeze({
  ...Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown) => call(name, input)])),
  onEvent,
  pickImportFile,
  pickExportFile,
  deliverExportFile,
}) as Bridge;

Object.defineProperty(window, 'bantam', { value: bridge, writable: false, configurable: false });
