import type Database from 'better-sqlite3';
import { newId } from './ids';

export type OutboxOp = {
  entity: string;
  entityId: string;
  op: string;
  payload: unknown;
};

// Appends ops to the outbox with the device's next sequence numbers. Must run inside the
// transaction that makes the change, so the change and its op commit or vanish together.
export const createOutbox = (db: Database.Database, deviceId: string) => {
  const bump = db.prepare('UPDATE device SET last_seq = last_seq + ? WHERE id = ? RETURNING last_seq');
  const insert = db.prepare(
    'INSERT INTO outbox (seq, id, device_id, entity, entity_id, op, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?)',
  );
  // `payload`: the op's payload as JSON, or as the UTF-8 bytes of its JSON (stored as the same text).
  const appendSerialized = (op: Omit<OutboxOp, 'payload'>, payload: string | Uint8Array, at: string): string => {
    if (!db.inTransaction) throw new Error('Outbox ops must be appended inside the write transaction.');
    const { last_seq: seq } = bump.get(1, deviceId) as { last_seq: number };
    const id = newId();
    insert.run(seq, id, deviceId, op.entity, op.entityId, op.op, payload, at);
    return id;
  };
  return {
    append: (op: OutboxOp, at: string): string => appendSerialized(op, JSON.stringify(op.payload), at),
    // For a payload serialised elsewhere (an import's batches are, on the thread that plans them,
    // and reach the writer thread as bytes).
    appendSerialized,
    pendingCount(): number {
      return (db.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get() as { n: number }).n;
    },
  };
};

export type Outbox = ReturnType<typeof createOutbox>;
