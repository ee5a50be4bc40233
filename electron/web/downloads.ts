import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { PickedFile } from '../../shared/api';
import { sanitizeUploadName } from './upload';

// The web host's save dialog: a browser page cannot name a path on disk, so an export is written
// into a private temp folder (0700) the host picked, and the browser downloads it from there.
export const createDownloadStore = () => {
  let root: Promise<string> | null = null;
  let count = 0;

  // A fresh folder per export, keeping the suggested name: no file is ever there before.
  const reserve = async (rawName: string | null): Promise<PickedFile> => {
    root ??= fs.promises.mkdtemp(path.join(os.tmpdir(), 'bantam-export-'));
    count += 1;
    const dir = path.join(await root, String(count));
    await fs.promises.mkdir(dir, { mode: 0o700 });
    const name = sanitizeUploadName(rawName ?? 'bantam-export.csv');
    return { path: path.join(dir, name), name };
  };

  // Streams a finished export as an attachment; only files inside this store's folder are served.
  const send = async (res: ServerResponse, requested: string | null): Promise<void> => {
    const base = root ? await root : null;
    const file = requested ? path.resolve(requested) : '';
    const inside = base !== null && file.startsWith(`${base}${path.sep}`);
    const stat = inside ? await fs.promises.stat(file).catch(() => null) : null;
    if (!stat?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('No such export: export again.');
      return;
    }
    const name = path.basename(file);
    res.writeHead(200, {
      'Content-Type': name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
      'Content-Length': stat.size,
      'Content-Disposition': `attachment; filename="export${path.extname(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    fs.createReadStream(file).pipe(res);
  };

  const close = async (): Promise<void> => {
    const made = root;
    root = null;
    if (made) await fs.promises.rm(await made, { recursive: true, force: true });
  };

  return { reserve, send, close };
};
