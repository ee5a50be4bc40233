import { invoke } from '../api/client';
import type { OpenLead, QueueFilters } from '../queue/cockpit-store';
import { toQueueInput } from '../queue/cockpit-store';

// The lead to open after `leadId` is done with: the first other one the queue offers now, or
// null when the queue has nothing else (or cannot be read).
export const nextLead = async (filters: QueueFilters, leadId: string): Promise<OpenLead | null> => {
  const next = await invoke('queue.get', toQueueInput(filters)).catch(() => null);
  const entry = next?.entries.find((e) => e.lead.id !== leadId);
  return entry ? { leadId: entry.lead.id, reason: entry.reason } : null;
};
