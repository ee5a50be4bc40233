import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PickedFile } from '../../../shared/api';
import type { ExportOutcome } from '../../../shared/api/exports';
import { leadInput } from '../../helpers/lead-input';
import { rawRequest } from './raw-request';
import { useWebHost } from './web-host-fixture';

const request = (port: number, { cookie, ...options }: { path: string; method?: string; cookie?: string; body?: string }) =>
  rawRequest(port, { ...options, headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) } });

// The web host's stand-in for a save dialog: a reserved file in its private folder, then a download.
describe('web host exports', () => {
  const start = useWebHost();

  it('reserves a fresh file, exports into it through the API and serves it as a download', async () => {
    const { port, cookie, backend } = await start();
    await backend.call('leads.create', { ...leadInput({ companyName: '株式会社ダウンロード' }), stage: 'tql' });
    const reserved = await request(port, { path: `/export-target?name=${encodeURIComponent('11月.csv')}`, method: 'POST', cookie });
    expect(reserved.status).toBe(200);
    const picked = JSON.parse(reserved.body.toString('utf8')) as PickedFile;
    expect(picked.name).toBe('11月.csv');
    expect(fs.existsSync(picked.path)).toBe(false);
    const run = await request(port, { path: '/api/exports.run', method: 'POST', cookie, body: JSON.stringify({ path: picked.path, columns: ['companyName'] }) });
    expect((JSON.parse(run.body.toString('utf8')) as { value: ExportOutcome }).value.kind).toBe('written');
    const download = await request(port, { path: `/download?path=${encodeURIComponent(picked.path)}`, cookie });
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent('11月.csv')}`);
    expect(download.body.toString('utf8')).toBe('\uFEFF会社名\r\n株式会社ダウンロード\r\n');
  });

  it('serves nothing outside its own folder, and nothing without the token', async () => {
    const { dir, port, cookie } = await start();
    expect((await request(port, { path: `/download?path=${encodeURIComponent(path.join(dir, 'secret.csv'))}`, cookie })).status).toBe(404);
    const reserved = JSON.parse((await request(port, { path: '/export-target?name=a.csv', method: 'POST', cookie })).body.toString('utf8')) as PickedFile;
    fs.writeFileSync(reserved.path, 'x');
    expect((await request(port, { path: `/download?path=${encodeURIComponent(`${reserved.path}/../../../../secret.csv`)}`, cookie })).status).toBe(404);
    expect((await request(port, { path: `/download?path=${encodeURIComponent(reserved.path)}` })).status).toBe(403);
    expect((await request(port, { path: '/export-target?name=a.csv', method: 'POST' })).status).toBe(403);
  });
});
