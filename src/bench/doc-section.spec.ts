import { describe, expect, it } from '@jest/globals';
import { firstTable, markedSection } from './doc-section.js';

describe('a generated section of the benchmarks page', () => {
  const page = ['# Benchmarks', '', '<!-- bench -->', 'old table', '<!-- /bench -->', '', '## Hand-written', 'kept words', ''].join('\n');

  it('is replaced between its markers, and the rest of the page is kept as written', () => {
    const section = markedSection(page, 'bench');
    expect(section.inner).toBe('\nold table\n');
    expect(section.replacedBy('new table\n')).toBe(['# Benchmarks', '', '<!-- bench -->', 'new table', '<!-- /bench -->', '', '## Hand-written', 'kept words', ''].join('\n'));
  });

  it('is appended when the page has none, and another section’s markers are not taken for it', () => {
    const section = markedSection(page, 'heavy-work');
    expect(section.inner).toBeNull();
    expect(section.replacedBy('rows')).toBe(`${page.trimEnd()}\n\n<!-- heavy-work -->\nrows\n<!-- /heavy-work -->\n`);
  });

  it('needs both markers, in order', () => {
    expect(markedSection('<!-- /bench --> x <!-- bench -->', 'bench').inner).toBeNull();
  });
});

describe('the table a bench run replaces', () => {
  it('is the first table of the section, header to last row', () => {
    expect(firstTable('Generated on 2026-11-30.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- notes\n| later | table |')).toBe('| a | b |\n|---|---|\n| 1 | 2 |');
    expect(firstTable('| a |\n|---|')).toBe('| a |\n|---|');
    expect(firstTable('no table')).toBeNull();
  });
});
