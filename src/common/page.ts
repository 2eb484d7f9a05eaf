/** One page of a list response: `{ items, total, page, pageSize }` (pageSize up to 500). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** Lists that seek (keyset.ts): the cursor of the following page, null on the last. */
  next?: string | null;
}
