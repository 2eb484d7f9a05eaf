import { describe, expect, it } from '@jest/globals';
import { rolloverOf } from './rollover.js';

describe('rollover (rules/rollover.ts)', () => {
  const at = (category: 'implementation' | 'preparation', stage: string) => rolloverOf({ projectId: 1, category, stage });

  it('implementation-list projects not completed continue (续建), halted ones too', () => {
    expect(at('implementation', 'implementation.active')).toEqual({ kind: 'continuing', category: 'implementation' });
    expect(at('implementation', 'implementation.halted')).toEqual({ kind: 'continuing', category: 'implementation' });
    // Listed for implementation but never started: still carried, on the implementation list.
    expect(at('implementation', 'preparation')).toEqual({ kind: 'continuing', category: 'implementation' });
  });

  it('preparation-list projects: not started stay, started move to the implementation list', () => {
    expect(at('preparation', 'preparation')).toEqual({ kind: 'notStarted', category: 'preparation' });
    expect(at('preparation', 'reserve')).toEqual({ kind: 'notStarted', category: 'preparation' });
    expect(at('preparation', 'implementation.active')).toEqual({ kind: 'moved', category: 'implementation' });
  });

  it('completed and withdrawn projects leave the lists', () => {
    expect(at('implementation', 'completed')).toEqual({ kind: 'leaves', reason: 'completed' });
    expect(at('preparation', 'completed')).toEqual({ kind: 'leaves', reason: 'completed' });
    expect(at('preparation', 'withdrawn')).toEqual({ kind: 'leaves', reason: 'withdrawn' });
  });
});
