/**
 * A generated section of docs/benchmarks.md, between `<!-- name -->` and `<!-- /name -->`: a bench
 * rewrites its own section and leaves the rest of the file (the hand-written sections) as it is.
 */
export interface MarkedSection {
  /** The text between the markers (without them), or null when the file has no such section. */
  inner: string | null;
  /** The file with `section` (markers added) in place of the old one, or appended when there was none. */
  replacedBy(section: string): string;
}

export function markedSection(text: string, name: string): MarkedSection {
  const start = `<!-- ${name} -->`;
  const end = `<!-- /${name} -->`;
  const from = text.indexOf(start);
  const to = from >= 0 ? text.indexOf(end, from) : -1;
  const found = from >= 0 && to > from;
  return {
    inner: found ? text.slice(from + start.length, to) : null,
    replacedBy: (section) => {
      const marked = `${start}\n${section.trim()}\n${end}`;
      return found ? `${text.slice(0, from)}${marked}${text.slice(to + end.length)}` : `${text.trimEnd()}\n\n${marked}\n`;
    },
  };
}

/** The first Markdown table in `text` (its header, rule and rows), or null when there is none. */
export function firstTable(text: string): string | null {
  const lines = text.split('\n');
  const from = lines.findIndex((line) => line.startsWith('|'));
  if (from < 0) return null;
  const to = lines.findIndex((line, i) => i > from && !line.startsWith('|'));
  return lines.slice(from, to < 0 ? lines.length : to).join('\n');
}
