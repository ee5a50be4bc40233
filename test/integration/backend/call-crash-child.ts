import { createBackend } from '../../../electron/backend';
import { silentLogger } from '../../../electron/backend/log';

// Run by the crash test as its own process: types notes and logs calls on the given leads as fast
// as it can, printing each acknowledged write, until it is killed.
const [dbPath, preferencesPath, ...leadIds] = process.argv.slice(2);
const backend = createBackend({ dbPath: dbPath!, preferencesPath: preferencesPath!, log: silentLogger });

const ok = async (method: string, input: unknown): Promise<{ id?: string }> => {
  const answer = await backend.call(method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.value as { id?: string };
};

const run = async (): Promise<void> => {
  for (let round = 0; ; round += 1) {
    const leadId = leadIds[round % leadIds.length]!;
    const call = await ok('calls.start', { leadId, phoneNumber: null });
    let body = '';
    for (let word = 0; word < 5; word += 1) {
      body += `第${round}回の${word}語目。`;
      await ok('drafts.save', { leadId, body });
      process.stdout.write(`draft ${leadId} ${body}\n`);
    }
    const logged = await ok('calls.log', { callId: call.id, outcome: 'no_answer', note: body });
    process.stdout.write(`call ${leadId} ${logged.id}\n`);
  }
};

run().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
