import { describe, expect, it } from '@jest/globals';
import { MAX_JSON_DEPTH, scanJson } from './json-body.js';

const code = (text: string) => scanJson(text)?.code ?? null;

describe('scanJson', () => {
  it('counts nesting of arrays and objects up to MAX_JSON_DEPTH', () => {
    expect(code('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBeNull();
    expect(code('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1))).toBe('tooDeep');
    expect(code('{"a":'.repeat(MAX_JSON_DEPTH) + '1' + '}'.repeat(MAX_JSON_DEPTH))).toBeNull();
    expect(code('{"a":'.repeat(MAX_JSON_DEPTH + 1) + '1' + '}'.repeat(MAX_JSON_DEPTH + 1))).toBe('tooDeep');
    // Siblings do not add up.
    expect(code(`[${Array(100).fill('[1]').join(',')}]`)).toBeNull();
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(code(JSON.stringify({ a: '['.repeat(100), b: '"{{{{', c: '\\'.repeat(5) + '[[[' }))).toBeNull();
  });

  it('refuses escapes that leave a lone surrogate, and accepts pairs', () => {
    for (const text of ['"\\ud800"', '"\\uDBFF x"', '"\\udc00"', '"\\ud800\\u0041"', '"\\ud800\\ud800"', '{"\\udfff":1}', '"\\ud800\\'])
      expect([text, code(text)]).toEqual([text, 'invalidUnicode']);
    for (const text of ['"\\ud83d\\ude00"', '"\\uD83D\\uDE00"', '"\\u4e2d\\u6587"', '"\\\\ud800"', '"😀"'])
      expect([text, code(text)]).toEqual([text, null]);
  });
});
