/** What GOV.UK Frontend's pagination component takes for a list shown a page at a time. */
export interface Pagination {
  previous?: { href: string };
  next?: { href: string };
  items: Array<{ number: number; href: string; current: boolean }>;
}

/** The pages of a list of `total` items, `pageSize` a page, linked by `link`; none when it fits on one page. */
export function paginationOf(at: { page: number; pageSize: number; total: number }, link: (page: number) => string): Pagination | undefined {
  const pages = Math.max(1, Math.ceil(at.total / at.pageSize));
  if (pages <= 1) return undefined;
  return {
    previous: at.page > 1 ? { href: link(at.page - 1) } : undefined,
    next: at.page < pages ? { href: link(at.page + 1) } : undefined,
    items: Array.from({ length: pages }, (_, i) => ({ number: i + 1, href: link(i + 1), current: i + 1 === at.page })),
  };
}
