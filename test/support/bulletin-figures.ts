import type request from 'supertest';

/**
 * How a test expects the bulletin's figures to read in its copies (.xlsx, .docx), worked out here
 * by integer arithmetic, independently of the app's formatting.
 */

/** Supertest parser keeping the body as bytes (.xlsx, .docx). */
export const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** 万元 → 亿元 with two decimals, rounded half up: 1247980 → "124.80". */
export const yi = (wan: number) => {
  const hundredths = Math.floor((2 * wan + 100) / 200);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
};

/** A 4-decimal ratio → percent with two decimals: 0.9076 → "90.76%". */
export const pct = (ratio: number | null) => {
  if (ratio === null) return '—';
  const n = Math.round(ratio * 10000);
  return `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}%`;
};

export const WORD = { blue: '蓝', yellow: '黄', red: '红' } as const;

interface RegionFigures {
  rank: number | null;
  name: string;
  projects: number;
  plan: number;
  actual: number;
  expected: number;
  ratio: number | null;
  rating: keyof typeof WORD | null;
}

/** The region table's first eight columns in rank order (unranked last), as the copies print them. */
export function rankedRegionRows(regions: RegionFigures[]): string[][] {
  return [...regions]
    .sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))
    .map((r) => [r.rank === null ? '—' : String(r.rank), r.name, String(r.projects), yi(r.plan), yi(r.actual), yi(r.expected), pct(r.ratio), r.rating ? WORD[r.rating] : '—']);
}
