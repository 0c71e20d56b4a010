import { describe, expect, it } from 'vitest';
import { snapshotEntry } from './snapshotList';

describe('a snapshot in the list', () => {
  const saved = { createdAt: '2026-12-06T09:30:15.250Z', author: { participantId: 'a2', name: 'Bob', role: 'agent' } };

  it('says who saved it, "you" for this participant\'s own, and the role for a nameless author', () => {
    expect(snapshotEntry(saved, 'a1').by).toBe(' · by Bob');
    expect(snapshotEntry(saved, 'a2').by).toBe(' · by you');
    expect(snapshotEntry({ ...saved, author: { participantId: 'o', role: 'observer' } }, 'a1').by).toBe(' · by Observer');
  });

  it('names the downloads by the time saved, with characters every file system takes', () => {
    expect(snapshotEntry(saved, 'a1').files).toEqual({
      flattened: 'snapshot-2026-12-06T09-30-15-250Z-annotated.png',
      original: 'snapshot-2026-12-06T09-30-15-250Z-original.png',
    });
  });
});
