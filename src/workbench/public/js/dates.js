// @ts-check
// Dates are typed as YYYY-MM-DD (the form every page shows them in), whatever the browser's
// language: 2024/11/20, 2024.11.20, 20241120 and 2024年11月20日 are read as 2024-11-20.

/** '' for empty, 'YYYY-MM-DD' for a real calendar date, null when it cannot be read. */
export function normalizeDate(/** @type {string | null | undefined} */ text) {
  const value = String(text || '').trim();
  if (!value) return '';
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value) || /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Makes a text input a date input: placeholder, numeric keyboard, tidied to YYYY-MM-DD on leaving it. */
export function asDateInput(/** @type {HTMLInputElement} */ input) {
  input.placeholder = 'YYYY-MM-DD';
  input.inputMode = 'numeric';
  input.maxLength = 11;
  input.autocomplete = 'off';
  input.classList.add('date');
  input.addEventListener('blur', () => {
    const normal = normalizeDate(input.value);
    if (normal) input.value = normal;
    input.classList.toggle('invalid', normal === null);
  });
  return input;
}
