import { paginationOf } from './pagination';

describe(paginationOf.name, () => {
  const link = (page: number) => `/list?page=${String(page)}`;

  it('shows nothing for a list that fits on one page', () => {
    expect(paginationOf({ page: 1, pageSize: 25, total: 25 }, link)).toBeUndefined();
    expect(paginationOf({ page: 1, pageSize: 25, total: 0 }, link)).toBeUndefined();
  });

  it('links every page, the one shown marked, with a previous and a next where there is one', () => {
    expect(paginationOf({ page: 2, pageSize: 25, total: 51 }, link)).toEqual({
      previous: { href: '/list?page=1' },
      next: { href: '/list?page=3' },
      items: [
        { number: 1, href: '/list?page=1', current: false },
        { number: 2, href: '/list?page=2', current: true },
        { number: 3, href: '/list?page=3', current: false },
      ],
    });
    expect(paginationOf({ page: 1, pageSize: 25, total: 26 }, link)).toMatchObject({ previous: undefined, next: { href: '/list?page=2' } });
    expect(paginationOf({ page: 2, pageSize: 25, total: 26 }, link)).toMatchObject({ previous: { href: '/list?page=1' }, next: undefined });
  });
});
