import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import type { PickedFile } from '../../shared/api';

export const DEFAULT_MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export type UploadAnswer = { status: 200; value: PickedFile } | { status: 400 | 413 | 415 | 500; message: string };

// Basename only, whatever separator the browser sent; never empty, '.' or '..'.
export const sanitizeUploadName = (raw: string): string => {
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim();
  return base === '' || base === '.' || base === '..' ? 'upload' : base.slice(0, 200);
};

class TooLarge extends Error {}

const megabytes = (bytes: number): string => (bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${bytes} bytes`);

// Browser uploads for import, streamed to a private temp folder (0700) so the backend can read
// them by path like any other file. Each upload gets its own subfolder to keep the original name.
export const createUploadStore = (maxBytes: number = DEFAULT_MAX_UPLOAD_BYTES) => {
  // A promise, so two first uploads at once still share one folder (and close removes it).
  let root: Promise<string> | null = null;
  let count = 0;

  const folder = async (): Promise<string> => {
    // mkdtemp already makes the folder 0700; only this user may read the uploads.
    root ??= fs.promises.mkdtemp(path.join(os.tmpdir(), 'bantam-upload-'));
    count += 1;
    const dir = path.join(await root, String(count));
    await fs.promises.mkdir(dir, { mode: 0o700 });
    return dir;
  };

  const receive = async (req: IncomingMessage, rawName: string | null): Promise<UploadAnswer> => {
    if (rawName === null || rawName.trim() === '') return { status: 400, message: 'Name the uploaded file: POST /upload?name=<file name>.' };
    if (!(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
      return { status: 415, message: 'Send the file as raw bytes (Content-Type: application/octet-stream).' };
    }
    const tooLarge = `The file is larger than ${megabytes(maxBytes)}, the most Bantam accepts in one upload. Split it into smaller files.`;
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume();
      return { status: 413, message: tooLarge };
    }
    const name = sanitizeUploadName(rawName);
    const dir = await folder();
    const target = path.join(dir, name);
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > maxBytes ? new TooLarge() : null, chunk);
      },
    });
    try {
      // req is piped rather than part of the pipeline, so an error leaves the socket open for the answer.
      req.pipe(limit);
      req.once('close', () => {
        if (!req.complete) limit.destroy(new Error('aborted'));
      });
      await pipeline(limit, fs.createWriteStream(target, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      req.unpipe(limit);
      await fs.promises.rm(dir, { recursive: true, force: true });
      if (error instanceof TooLarge) {
        req.resume();
        return { status: 413, message: tooLarge };
      }
      return { status: 500, message: 'The upload was interrupted; nothing was saved. Try again.' };
    }
    return { status: 200, value: { path: target, name } };
  };

  // Removes every upload; called when the host closes.
  const close = async (): Promise<void> => {
    const made = root;
    root = null;
    if (made) await fs.promises.rm(await made, { recursive: true, force: true });
  };

  return { receive, close };
};
