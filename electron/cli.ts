import { parseArgs } from 'node:util';
import { personName } from '../shared/domain/lead';
import type { LeadPage } from '../shared/api/leads';
import type { BackupResult } from '../shared/api/store';
import type { Backend } from './backend';
import { silentLogger } from './backend/log';
import { callsCommand, queueCommand } from './cli/call-commands';
import { unwrap, UsageError, type CliValues } from './cli/common';
import { definitionsCommand } from './cli/definitions-command';
import { exportCommand, exportsCommand } from './cli/export-command';
import { importCommand, importsCommand, undoImportCommand } from './cli/import-commands';
import { openBackendFromArgs } from './open-backend';

const USAGE = `Usage: bantam <command> [options]

Commands:
  demo                      fill the demo store with generated leads (first use only) and show it
  leads [--json] [--limit N]  list the store's leads, newest first (default limit 50)
  backup --out FILE         write an online backup of the store to FILE (never overwrites)
  import FILE [--preset NAME] [--encoding auto|utf8|cp932|utf16le]
              [--on-duplicate skip|fill|overwrite|create] [--dry-run] [--json]
                            import leads from a CSV, TSV or XLSX file, all rows or none
  imports [--json]          list recorded imports
  undo-import ID            undo an import as one step
  queue [--owner NAME|*] [--limit N] [--json]
                            the call queue in order, with why each lead is there
  calls [--since DATE] [--limit N] [--json]
                            logged calls, newest first (DATE: 2026-11-24 or an ISO date-time)
  export --out FILE [--stage tql,sal,sql] [--from DATE] [--to DATE] [--owner NAME] [--source NAME]
         [--format csv|xlsx] [--encoding utf8-bom|cp932] [--columns LIST | --preset hubspot|salesforce] [--force]
                            write qualified leads (by default TQL, SAL, SQL) to CSV or XLSX; DATE is a JST day
                            the lead reached its current stage; never overwrites a file without --force
  exports [--json]          the export log: every export, newest first
  definitions [--json]      the team's current stage definitions (TQL, nurture) and reason lists, with their version
  help                      show this help

Options for every command:
  --db PATH                 the store file (default: the desktop app's store)
  --demo                    use the separate demo store
`;

const commands: Record<string, (backend: Backend, values: CliValues, argument: string | undefined) => Promise<void>> = {
  import: importCommand,
  imports: importsCommand,
  'undo-import': undoImportCommand,
  queue: queueCommand,
  calls: callsCommand,
  definitions: definitionsCommand,
  export: exportCommand,
  exports: exportsCommand,
  demo: async (backend) => {
    const info = backend.storeInfo();
    console.log(`Demo store: ${info.path} (${info.leadCount} leads). Open it with: npm run web -- --demo`);
  },
  leads: async (backend, values) => {
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError(`--limit must be a whole number from 1 to 500; got "${String(values.limit)}".`);
    const page = unwrap<LeadPage>(await backend.call('leads.list', { offset: 0, limit }));
    if (values.json) {
      console.log(JSON.stringify(page, null, 2));
      return;
    }
    for (const lead of page.rows) {
      console.log([lead.stage.toUpperCase().padEnd(12), lead.companyName, personName(lead), lead.phone ?? lead.mobile ?? '', lead.email ?? ''].join('\t'));
    }
    console.log(`${page.rows.length} of ${page.total} leads shown.`);
  },
  backup: async (backend, values) => {
    if (typeof values.out !== 'string' || values.out.trim() === '') throw new UsageError('backup needs --out FILE: the file to write the backup to.');
    const result = unwrap<BackupResult>(await backend.call('store.backup', { path: values.out }));
    console.log(`Backup written to ${result.path} (${result.bytes} bytes).`);
  },
};

export const runCli = async (argv: string[]): Promise<number> => {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        demo: { type: 'boolean' },
        json: { type: 'boolean' },
        limit: { type: 'string' },
        out: { type: 'string' },
        preset: { type: 'string' },
        encoding: { type: 'string' },
        'on-duplicate': { type: 'string' },
        'dry-run': { type: 'boolean' },
        owner: { type: 'string' },
        since: { type: 'string' },
        stage: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        source: { type: 'string' },
        format: { type: 'string' },
        columns: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`bantam: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [name, ...rest] = parsed.positionals;
  // import FILE and undo-import ID take one argument; other commands none.
  const takesArgument = name === 'import' || name === 'undo-import';
  const argument = takesArgument ? rest[0] : undefined;
  const extra = takesArgument ? rest.slice(1) : rest;
  if (!name || name === 'help' || parsed.values.help) {
    console.log(USAGE);
    return name || parsed.values.help ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`bantam: unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  if (extra.length > 0) {
    console.error(`bantam ${name}: unexpected argument "${extra[0]}".\n\n${USAGE}`);
    return 2;
  }
  let backend: Backend | undefined;
  try {
    backend = await openBackendFromArgs({ db: parsed.values.db, demo: name === 'demo' || parsed.values.demo, log: silentLogger });
    await command(backend, parsed.values, argument);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`bantam ${name}: ${error.message}`);
      return 2;
    }
    console.error(`bantam ${name}: ${(error as Error).message}`);
    return 1;
  } finally {
    backend?.close();
  }
};

// Run only as the bundled command, not when tests import runCli.
if (typeof require !== 'undefined' && require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
