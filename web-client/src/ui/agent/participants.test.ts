import { describe, expect, it } from 'vitest';
import { participantEntry, roleName } from './participants';

describe('the participant list', () => {
  it('calls the agent "You", a nameless participant by their role, and shows the role beside a name', () => {
    expect(participantEntry({ id: 'a', name: 'Ada', role: 'agent' }, 'a')).toEqual({ name: 'You', role: 'Agent',
      removable: false });
    expect(participantEntry({ id: 'c', name: '', role: 'customer' }, 'a')).toEqual({ name: 'Customer', role: null,
      removable: true });
    expect(participantEntry({ id: 'o', name: 'Grace', role: 'observer' }, 'a')).toEqual({ name: 'Grace',
      role: 'Observer', removable: true });
  });

  it('offers Remove for customers and observers, never for an agent (a colleague or this one)', () => {
    expect(participantEntry({ id: 'b', name: 'Bob', role: 'agent' }, 'a').removable).toBe(false);
    expect(participantEntry({ id: 'c', name: 'Cy', role: 'customer' }).removable).toBe(true);
  });

  it('keeps a role it does not know as the service named it', () => {
    expect(roleName('observer')).toBe('Observer');
    expect(roleName('robot')).toBe('robot');
  });
});
