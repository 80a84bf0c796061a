// The script-tag build minifies the elements' html`` and svg`` templates (rollup.config.js), and the
// browser tests run the sources, not that bundle: this test is what notices a minifier setting that
// changes a template. It bundles dist/ twice with the script-tag config, unminified JavaScript both
// times, with and without the template minifier, and compares every template as tags (name, self-closing
// or not, attributes) and text with whitespace runs folded to one space — what the browser builds from
// it. A dropped `/>` in SVG (which nests the next shape inside the previous one) or a removed space
// between two words fails here. Run `npm run build` first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Plugin, type RollupOptions, rollup } from 'rollup';
import { parseAst } from 'rollup/parseAst';

const root = fileURLToPath(new URL('../..', import.meta.url));
const config = ((await import(`${root}rollup.config.js`)) as { default: RollupOptions }).default;
const plugins = config.plugins as Plugin[];

/** The unminified bundle's code, with or without the template minifier. */
async function bundleCode(minifyTemplates: boolean): Promise<string> {
  const build = await rollup({
    ...config,
    input: `${root}dist/index.js`,
    plugins: plugins.filter(
      (plugin) => plugin.name !== 'terser' && (minifyTemplates || !plugin.name.includes('minify-html')),
    ),
  });
  try {
    const { output } = await build.generate({ format: 'es' });
    return output[0].code;
  } finally {
    await build.close();
  }
}

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** Every tagged template in `code`, in source order, its parts joined by a marker where the bindings go. */
function taggedTemplates(code: string): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const current = node as Node;
    if (current.type === 'TaggedTemplateExpression') {
      const quasi = current.quasi as { quasis: { value: { raw: string } }[] };
      found.push(quasi.quasis.map((part) => part.value.raw).join('\u0001'));
    }
    for (const value of Object.values(current)) if (value && typeof value === 'object') visit(value);
  };
  visit(parseAst(code));
  return found;
}

/** A template as the tokens a browser acts on: tags with their attributes, and text. */
function tokens(template: string): string[] {
  const out: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<!--[\s\S]*?-->/g;
  let last = 0;
  const text = (chunk: string) => {
    const folded = chunk.replace(/\s+/g, ' ');
    if (folded !== '') out.push(`text:${folded}`);
  };
  for (const match of template.matchAll(tag)) {
    text(template.slice(last, match.index));
    last = (match.index ?? 0) + match[0].length;
    if (match[0].startsWith('<!--')) continue;
    const [, closing, name, attributes = '', selfClosing] = match;
    const pairs = [...attributes.matchAll(/([^\s=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)].map(
      ([, key, raw = '']) => {
        let value = raw.replace(/^["']|["']$/g, '');
        // `readonly` and `readonly="readonly"` are the same attribute.
        if (value === key) value = '';
        // Inline styles are CSS: only their whitespace may differ.
        if (key === 'style') value = value.replace(/\s+/g, '');
        return `${key}=${value}`;
      },
    );
    out.push(`${closing}${name}${selfClosing ? '/' : ''} ${pairs.join(' ')}`);
  }
  text(template.slice(last));
  return out;
}

test('minifying the templates changes no tag, attribute or text of any of them', async () => {
  const [plain, minified] = await Promise.all([bundleCode(false), bundleCode(true)]);
  const all = { before: taggedTemplates(plain), after: taggedTemplates(minified) };
  assert.equal(all.after.length, all.before.length, 'the minified bundle has as many tagged templates');
  // Markup is told apart in the unminified bundle: it has a tag, and our CSS source never has a `<`
  // (minified CSS may: lightningcss writes `@container (max-width: 140px)` as `(width<=140px)`).
  const markup = [...all.before.keys()].filter((index) => /</.test(all.before[index] as string));
  const before = markup.map((index) => all.before[index] as string);
  const after = markup.map((index) => all.after[index] as string);
  assert.ok(before.length > 50, `only ${before.length} templates found`);
  assert.notDeepEqual(after, before, 'the minifier changed nothing (is it still in the build?)');
  for (const [index, template] of before.entries()) {
    assert.deepEqual(
      tokens(after[index] as string),
      tokens(template),
      `template ${index}: ${template.slice(0, 80)}`,
    );
  }
});
