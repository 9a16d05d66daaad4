import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { VIEWS_DIRECTORY } from './page.renderer';

/** Every template under views, with its path relative to it. */
function templates(dir = VIEWS_DIRECTORY): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? templates(path.join(dir, e.name)) : e.name.endsWith('.njk') ? [path.relative(VIEWS_DIRECTORY, path.join(dir, e.name))] : [],
  );
}

describe('wide tables on a phone', () => {
  it.each(templates().filter((t) => t !== 'scroll-table.njk' && readFileSync(path.join(VIEWS_DIRECTORY, t), 'utf8').includes('<table')))(
    '%s puts each table in a region of its own that scrolls sideways',
    (template) => {
      const text = readFileSync(path.join(VIEWS_DIRECTORY, template), 'utf8');
      const tables = text.split('<table').length - 1;
      const wrapped = (text.match(/\{% call scrollTable\([^)]*\) %\}\s*<table/g) ?? []).length;
      expect(wrapped).toBe(tables);
    },
  );

  it('names the region, makes it focusable, and lets it scroll', () => {
    const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(VIEWS_DIRECTORY));
    const html = env.renderString('{% from "scroll-table.njk" import scrollTable %}{% call scrollTable("Referrals") %}<table></table>{% endcall %}', {});
    expect(html).toMatch(/<div class="rh-table-scroll" role="region" aria-label="Referrals" tabindex="0">\s*<table><\/table>\s*<\/div>/);
    const css = readFileSync(path.join(VIEWS_DIRECTORY, '..', 'assets', 'pages.css'), 'utf8');
    expect(css).toMatch(/\.rh-table-scroll \{[^}]*overflow-x: auto/);
  });
});
