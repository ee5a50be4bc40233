import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security';

// security.ts imports 'electron', whose binary cannot load here.
vi.mock('electron', () => import('./fake-electron'));

// Electronegativity (Doyensec's Electron security linter) over electron/. A finding in our code is
// acceptable only when the source says why, with an inline `eng-disable` comment. The CSP travels
// as a response header from app-protocol.ts, which the tool cannot read, so the scan also gets a
// page carrying exactly that policy, for the tool's CSP evaluation.

type Issue = {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  manualReview: boolean;
  confidence: { name: string };
};
type Result = { issues: Issue[]; errors: { file: string; message: string; tolerable: boolean }[] };
type RunOptions = {
  input: string;
  output: string;
  isSarif: boolean;
  isRelative: boolean;
  customScan: string[];
  excludeFromScan: string[];
  electronVersionOverride: string;
};
type Run = (options: RunOptions, forCli: boolean) => Promise<Result>;

const root = path.resolve(import.meta.dirname, '../../..');
const requireHere = createRequire(import.meta.url);
const electronVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

// Needs the network to list Electron releases; whether Electron is current is a dependency-update
// question, not a property of this code, and a test must not change with the network.
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];

const CSP_PAGE = 'served-csp.html';
// Findings that cannot be fixed in code, each with its reason. Only the "maybe weak" verdict (FIRM)
// is accepted: a really weak policy ('unsafe-inline', wildcards...) is CERTAIN and still fails.
const JUSTIFIED = [
  {
    key: `CSP_GLOBAL_CHECK ${CSP_PAGE} FIRM`,
    // csp-evaluator warns that script-src 'self' is risky when the origin hosts JSONP, Angular or
    // user uploads. app://bantam serves only our own built bundle from dist/renderer: none of those.
    why: "script-src 'self' on an origin holding only the app's own bundle",
  },
];

const loadRun = (): Run => {
  try {
    const loaded = requireHere('@doyensec/electronegativity') as Run | { default: Run };
    return typeof loaded === 'function' ? loaded : loaded.default;
  } catch (error) {
    throw new Error(`@doyensec/electronegativity cannot be loaded on Node ${process.version}: ${(error as Error).message}`);
  }
};

describe('electronegativity', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bantam-eng-'));
  // The tool may still be finishing its fire-and-forget writes: retry while the folder refills.
  afterAll(() => fs.rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

  it('finds nothing unjustified in electron/', { timeout: 120_000 }, async () => {
    const input = path.join(work, 'scan');
    fs.cpSync(path.join(root, 'electron'), path.join(input, 'electron'), { recursive: true });
    fs.writeFileSync(
      path.join(input, CSP_PAGE),
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"></head><body></body></html>\n`,
    );
    const output = path.join(work, 'report.json');

    const result = await loadRun()(
      {
        input,
        output,
        isSarif: false,
        isRelative: true,
        customScan: [],
        excludeFromScan: EXCLUDED.map((check) => check.toLowerCase()),
        electronVersionOverride: electronVersion,
      },
      false,
    );

    // A file the tool could not parse was not checked at all.
    expect(result.errors.filter((e) => !e.tolerable)).toEqual([]);
    const justified = new Set(JUSTIFIED.map((j) => j.key));
    const unjustified = result.issues
      .filter((i) => !justified.has(`${i.id} ${path.basename(i.file)} ${i.confidence.name}`))
      .map((i) => `${i.id} ${i.file}:${i.location.line} ${i.description}`);
    expect(unjustified, `unjustified findings (report: ${output})`).toEqual([]);
    // The tool writes its report with a fire-and-forget fs.writeFile after `run` resolves.
    await vi.waitFor(() => expect(fs.existsSync(output)).toBe(true), { timeout: 10_000, interval: 50 });
  });
});
