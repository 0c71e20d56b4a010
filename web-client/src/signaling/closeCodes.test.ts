import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CloseCodes, ROOM_ENDED_REASON_PREFIX } from './closeCodes';

const java = readFileSync(new URL('../../../contracts/src/main/java/dev/coview/contracts/ws/CloseCodes.java',
  import.meta.url), 'utf8');

describe('close codes', () => {
  it.each(Object.entries(CloseCodes))('%s is the code contracts defines', (name, code) => {
    expect(java).toMatch(new RegExp(`int ${name} = ${code};`));
  });

  it('reads the room-ended reason the way contracts writes it', () => {
    expect(java).toContain(`ROOM_ENDED_REASON_PREFIX = "${ROOM_ENDED_REASON_PREFIX}"`);
  });
});
