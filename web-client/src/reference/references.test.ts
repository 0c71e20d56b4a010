import { describe, expect, it } from 'vitest';
import { ReferenceLog } from './references';

describe('ReferenceLog', () => {
  it('lists pushed links newest first, and the answer goes to the pending one', () => {
    const log = new ReferenceLog();
    log.pushed('e1', 'https://a.example/', 1);
    log.pushed('e2', 'https://b.example/x', 2);
    expect(log.list().map((r) => [r.host, r.status])).toEqual([['b.example', 'waiting'], ['a.example', 'replaced']]);
    expect(log.answered(false)?.eventId).toBe('e2');
    expect(log.list()[0].status).toBe('declined');
    expect(log.answered(true)).toBeNull();
  });

  it('ignores a redelivered push and marks links answered while offline after a reconnect', () => {
    const log = new ReferenceLog();
    log.pushed('e1', 'https://a.example/', 1);
    log.pushed('e1', 'https://a.example/', 1);
    expect(log.list()).toHaveLength(1);
    log.pendingIs('e1');
    expect(log.list()[0].status).toBe('waiting');
    log.pendingIs(null);
    expect(log.list()[0].status).toBe('answered');
  });
});
