import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorDetail } from './api-error.js';

/** Deepest nesting of arrays and objects a JSON body may have; the app's own bodies use 3. */
export const MAX_JSON_DEPTH = 32;

/**
 * A JSON body refused before it was parsed. body-parser hands errors from its `verify`
 * step on with status 403, so the exception filter recognises this class and answers 400.
 */
export class RejectedJsonBody extends Error {
  readonly type = 'entity.verify.failed';

  constructor(
    readonly detail: ErrorDetail,
    /** 400 for text that is not what JSON allows; 415 for a body in a charset other than UTF-8. */
    readonly statusCode: 400 | 415 = 400,
  ) {
    super(detail.message);
  }
}

/** The charset a Content-Type names, lower case, or undefined when it names none. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2]).toLowerCase() : undefined;
}

/** The answer to a JSON body sent in another charset than UTF-8 (also given for the ones body-parser refuses itself). */
export const UNSUPPORTED_CHARSET: ErrorDetail = { code: 'unsupportedCharset', message: 'JSON 请求体必须是 UTF-8 编码（Content-Type 的 charset 只能是 utf-8 或不写）' };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * body-parser's `verify` hook for JSON bodies, run on the raw bytes before JSON.parse:
 * - the charset must be UTF-8 (415 otherwise): every check below reads the bytes as UTF-8, so a
 *   body the parser would decode otherwise (UTF-16, where a lone surrogate turns into U+FFFD and
 *   the depth check reads other text than the parser) is refused before anything reads it;
 * - the bytes must be valid UTF-8 (no silent U+FFFD replacement of what was sent);
 * - no `\uD800`-style escape may leave a lone surrogate, which no database stores as sent;
 * - arrays and objects may nest at most MAX_JSON_DEPTH deep, so a 10 KB body of 5,000
 *   nested arrays costs one linear scan instead of a stack overflow in validation.
 * Malformed JSON is left to JSON.parse, which reports it as such.
 */
export function verifyJsonBody(request: IncomingMessage, _response: ServerResponse, raw: Buffer): void {
  const charset = charsetOf(request.headers['content-type']);
  if (charset !== undefined && charset !== 'utf-8') throw new RejectedJsonBody(UNSUPPORTED_CHARSET, 415);
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw new RejectedJsonBody({ code: 'invalidUtf8', message: '请求体不是有效的 UTF-8 文本' });
  }
  const problem = scanJson(text);
  if (problem) throw new RejectedJsonBody(problem);
}

const HIGH_SURROGATE = /^[dD][89abAB][0-9a-fA-F]{2}$/;
const LOW_SURROGATE = /^[dD][c-fC-F][0-9a-fA-F]{2}$/;

/** One pass over JSON text: nesting depth outside strings, surrogate escapes inside them. */
export function scanJson(text: string): ErrorDetail | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x22 /* " */) inString = false;
      else if (c === 0x5c /* \ */) {
        if (text[i + 1] === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (HIGH_SURROGATE.test(hex)) {
            if (text[i + 6] !== '\\' || text[i + 7] !== 'u' || !LOW_SURROGATE.test(text.slice(i + 8, i + 12))) return loneSurrogate();
            i += 11;
            continue;
          }
          if (LOW_SURROGATE.test(hex)) return loneSurrogate();
          i += 5;
        } else i += 1;
      }
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > MAX_JSON_DEPTH)
        return { code: 'tooDeep', message: `JSON 嵌套超过 ${MAX_JSON_DEPTH} 层` };
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return null;
}

function loneSurrogate(): ErrorDetail {
  return { code: 'invalidUnicode', message: '文本含有不成对的代理项（\\uD800–\\uDFFF），不是有效的 Unicode' };
}
