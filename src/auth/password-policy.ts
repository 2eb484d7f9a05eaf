import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ErrorDetail, projectRoot, unprocessable } from '../common/index.js';

/**
 * The rules for a password someone chooses (through the API or `npm run admin:reset`),
 * after OWASP ASVS 4.0 V2.1: at least 12 characters (2.1.1), any characters including
 * spaces and Chinese (2.1.4: no composition rules), and not a known common password
 * (2.1.7). On top of the list, passwords made of one repeated short unit (`aaaaaaaaaaaa`,
 * `abcabcabcabc`), a straight run (`abcdefghijkl`), the user's own name (also twice, reversed, or
 * with digits and symbols around it: `weakpw2weakpw2` for `weakpw2`), fewer than five different
 * characters (eleven spaces and a letter), or a listed password with digits and symbols around it
 * (`Password2024!`) are refused as equally guessable; each of these is checked on the password as
 * typed and with its spaces taken out (`p a s s w o r d 1 2 3 4`).
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

let common: Set<string> | undefined;

/** src/auth/common-passwords.txt: where it comes from is written at its top. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(join(projectRoot(), 'src/auth/common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return common;
}

const EDGES = /^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu;
const FILLER = /[\p{N}\p{P}\p{S}\s]/gu;

/** Fewer different characters than this, spaces not counted, is guessable whatever the length (eleven spaces and a letter has one). */
export const MIN_DISTINCT_CHARACTERS = 5;

function isRepeatedUnit(text: string): boolean {
  return /^([\s\S]{1,4})\1+$/u.test(text);
}

/** Each character one after the previous (or one before), digits wrapping 9 → 0. */
function isStraightRun(text: string): boolean {
  const codes = [...text].map((ch) => ch.codePointAt(0)!);
  const step = (a: number, b: number) => (a === 0x39 && b === 0x30 ? 1 : a === 0x30 && b === 0x39 ? -1 : b - a);
  const first = step(codes[0], codes[1]);
  return (first === 1 || first === -1) && codes.every((code, i) => i === 0 || step(codes[i - 1], code) === first);
}

/**
 * Whether the password is made of the user name: equal to it, or, once every copy of the name
 * (or of the name reversed) is taken out, nothing but digits, symbols and spaces is left, or
 * fewer than four other characters (`weakpw2weakpw2`, `careful-keeper-2024`, `2024nimda`).
 */
function madeOfName(lower: string, name: string): boolean {
  if (lower === name) return true;
  if ([...name].length < 3) return false;
  for (const unit of [name, [...name].reverse().join('')]) {
    if (!lower.includes(unit)) continue;
    const rest = lower.split(unit).join('').replace(FILLER, '');
    if ([...rest].length < 4) return true;
  }
  return false;
}

/** Why a password is not acceptable, in words for the person choosing it; empty when it is. */
export function passwordProblems(password: string, username?: string): string[] {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return [`密码至少 ${MIN_PASSWORD_LENGTH} 个字符`];
  if (length > MAX_PASSWORD_LENGTH) return [`密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符`];
  if (/^\s*$/u.test(password)) return ['密码不能全是空白'];
  const lower = password.normalize('NFKC').toLowerCase();
  // The same checks on the password with its spaces taken out: spacing a weak password out does not make it strong.
  const forms = [...new Set([lower, lower.replace(/\s+/gu, '')])];
  const name = username?.normalize('NFKC').toLowerCase();
  if (name && forms.some((form) => madeOfName(form, name) || form.replace(EDGES, '') === name)) return ['密码不能是用户名，也不能由用户名重复、倒写或加数字符号组成'];
  if (new Set(forms.at(-1)).size < MIN_DISTINCT_CHARACTERS) return [`密码至少要用 ${MIN_DISTINCT_CHARACTERS} 个不同的字符（例如不能是一串空格加一个字母）`];
  if (forms.some((form) => isRepeatedUnit(form) || isStraightRun(form))) return ['密码不能是重复或连续的字符'];
  const list = commonPasswords();
  if (forms.some((form) => list.has(form) || list.has(form.replace(EDGES, '')))) return ['这是常见密码，容易被猜中，请换一个'];
  return [];
}

/** The problems as the API's error details (code `weakPassword`, a 422). */
export function passwordFailures(password: string, username: string | undefined, field = 'password'): ErrorDetail[] {
  return passwordProblems(password, username).map((message) => ({ field, code: 'weakPassword', message }));
}

/** Throws the 422 the API answers for a password that breaks the rules. */
export function assertAcceptablePassword(password: string, username: string | undefined, field = 'password'): void {
  const failures = passwordFailures(password, username, field);
  if (failures.length) throw unprocessable('密码不符合要求', failures);
}
