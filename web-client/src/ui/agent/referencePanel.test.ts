import { describe, expect, it } from 'vitest';
import { pathOf } from './referencePanel';

describe('a link sent, as the list shows it after its host', () => {
  it('keeps path, query and fragment', () => {
    expect(pathOf('https://help.example.com/a/b?x=1#top')).toBe('/a/b?x=1#top');
    expect(pathOf('https://help.example.com')).toBe('/');
  });

  it('shows a link it cannot read whole', () => {
    expect(pathOf('not a link')).toBe('not a link');
  });
});
