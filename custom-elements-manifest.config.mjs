// The custom-elements manifest (custom-elements.json), generated from the elements' JSDoc by
// `npm run analyze` (and `npm run build`). It feeds the README's element reference
// (scripts/readme-elements.ts), Storybook's argTypes and editors. The plugins below add what the
// analyzer cannot know on its own and leave out what is not public API.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export default {
  // The kit's base classes too, so each control's entry lists what it inherits (`room`, `disabled`…).
  globs: ['src/elements/**/*.ts', 'src/internal/*-element.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/calls-room/request-map.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself ("customElements"); the analyzer must not rewrite it.
  packagejson: false,
  // shippedPaths last: the two checks before it read the source files the modules came from.
  plugins: [
    defineElementCalls(),
    publicApiOnly(),
    cssPropertyDefaults(),
    partsInTemplates(),
    failOnProblems(),
    shippedPaths(),
  ],
};

/** Where the JSDoc and the code disagree; any of these fails the build (the JSDoc is the docs). */
const problems = [];
function problem(message) {
  problems.push(message);
}

function failOnProblems() {
  return {
    name: 'calls: JSDoc matches the code',
    packageLinkPhase() {
      if (problems.length === 0) return;
      throw new Error(`The elements' JSDoc and code disagree:\n  ${problems.join('\n  ')}`);
    },
  };
}

/** `defineElement('calls-room', CallsRoomElement)` is our guarded `customElements.define`. */
function defineElementCalls() {
  return {
    name: 'calls: defineElement calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, elementClass] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !elementClass || !ts.isIdentifier(elementClass)) return;
      moduleDoc.exports.push({
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: elementClass.text, module: moduleDoc.path },
      });
    },
  };
}

/**
 * Drops private, protected and `#` members (Lit `@state()` fields, helpers), events detected from
 * `dispatchEvent()` without a name (the `@event` tags name them), and module-level names that are
 * not exported; flattens type texts that the source wraps over several lines.
 */
function publicApiOnly() {
  const flat = (text) => text.replace(/\s+/g, ' ').replace(/^\| /, '').trim();
  return {
    name: 'calls: public API only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        const exported = new Set(mod.exports?.map((entry) => entry.declaration.name));
        mod.declarations = mod.declarations?.filter((declaration) => exported.has(declaration.name));
        for (const declaration of mod.declarations ?? []) {
          declaration.members = declaration.members?.filter(
            (member) =>
              member.privacy !== 'private' &&
              // Protected members are the kit's base-class API for subclasses, not the element's.
              member.privacy !== 'protected' &&
              !member.name.startsWith('#') &&
              member.name !== 'shadowRootOptions',
          );
          const named = new Set(
            declaration.events?.filter((event) => event.name).map((event) => event.type?.text),
          );
          for (const event of declaration.events ?? []) {
            if (!event.name && !named.has(event.type?.text)) {
              problem(`${declaration.name} dispatches ${event.type?.text} without an @event tag`);
            }
          }
          declaration.events = declaration.events?.filter((event) => event.name);
          for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
            if (item.type?.text) item.type.text = flat(item.type.text);
          }
        }
      }
    },
  };
}

/**
 * Fills the `default` of every `@cssproperty` from the `var(--calls-x, fallback)` in the element's
 * styles (`<name>.styles.ts` and the `*.styles.js` files it imports, e.g. the shared theme). A
 * `light-dark(light, dark)` fallback gives the light one as the default and adds the dark one to the
 * description. Reports `--calls-*`
 * properties the styles use but the JSDoc does not document, and the other way round.
 */
/** High-level tokens (src/internal/theme.styles.ts) that derive the other properties' defaults. */
const themeTokens = new Set(['--calls-surface', '--calls-density', '--calls-color-scheme']);

function cssPropertyDefaults() {
  return {
    name: 'calls: CSS custom property defaults',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const element of mod.declarations ?? []) {
          if (!element.customElement || !element.tagName) continue;
          const { defaults, used } = analyzeStyles(mod.path.replace(/\.ts$/, '.styles.ts'));
          const documented = new Set();
          for (const property of element.cssProperties ?? []) {
            documented.add(property.name);
            const found = defaults.get(property.name);
            if (!found) continue;
            property.default = found.light;
            if (found.dark !== found.light) {
              property.description = `${property.description ?? ''} Dark: \`${found.dark}\`.`.trim();
            }
          }
          const tag = element.tagName ?? element.name;
          for (const name of used) {
            // The theme's high-level tokens reach every element; the room and meeting document them.
            if (!documented.has(name) && !themeTokens.has(name))
              problem(`<${tag}> uses ${name} without a @cssproperty`);
          }
          for (const name of documented) {
            if (!used.has(name)) problem(`<${tag}> documents ${name}, which its styles never read`);
          }
        }
      }
    },
  };
}

/** Declarations of a styles file and the `*.styles.js` files it imports, as `{ property, value }`. */
function readDeclarations(file) {
  const source = readFileSync(file, 'utf8');
  const declarations = [];
  for (const [, imported] of source.matchAll(/from '(\.[^']+\.styles)\.js'/g)) {
    declarations.push(...readDeclarations(join(dirname(file), `${imported}.ts`)));
  }
  for (const [, css] of source.matchAll(/css`([^`]*)`/g)) {
    // Enough of a CSS parser for our own styles: blocks, declarations, parentheses in values.
    let text = '';
    let depth = 0;
    for (const char of css.replace(/\/\*[\s\S]*?\*\//g, '')) {
      if (char === '(') depth++;
      if (char === ')') depth--;
      if (depth > 0 || !'{};'.includes(char)) {
        text += char;
        continue;
      }
      const colon = text.indexOf(':');
      if (char !== '{' && colon > 0) {
        declarations.push({ property: text.slice(0, colon).trim(), value: text.slice(colon + 1).trim() });
      }
      text = '';
    }
  }
  return declarations;
}

/** `value` with each `light-dark(light, dark)` replaced by its light (`which` 0) or dark (1) colour. */
function inScheme(value, which) {
  const start = value.indexOf('light-dark(');
  if (start < 0) return value;
  let depth = 0;
  let comma = -1;
  let end = start + 'light-dark'.length;
  do {
    if (value[end] === '(') depth++;
    if (value[end] === ')') depth--;
    if (value[end] === ',' && depth === 1) comma = end;
    end++;
  } while (depth > 0 && end < value.length);
  const inner = value.slice(start + 'light-dark('.length, end - 1);
  const split = comma - start - 'light-dark('.length;
  const chosen = (which === 0 ? inner.slice(0, split) : inner.slice(split + 1)).trim();
  return inScheme(value.slice(0, start) + chosen + value.slice(end), which);
}

/** Each `var(name, fallback)` in a CSS value, with nested parentheses kept whole. */
function* varCalls(value) {
  for (let start = value.indexOf('var('); start >= 0; start = value.indexOf('var(', start + 4)) {
    let depth = 0;
    let end = start + 3;
    do {
      if (value[end] === '(') depth++;
      if (value[end] === ')') depth--;
      end++;
    } while (depth > 0 && end < value.length);
    const inner = value.slice(start + 4, end - 1);
    const comma = inner.indexOf(',');
    yield comma < 0
      ? { name: inner.trim(), fallback: undefined }
      : { name: inner.slice(0, comma).trim(), fallback: inner.slice(comma + 1).trim() };
  }
}

function analyzeStyles(file) {
  const declarations = readDeclarations(file);
  // Private tokens (`--_accent: var(--calls-accent, …)`) stand for the public property behind them.
  const tokens = new Map();
  for (const { property, value } of declarations) {
    if (property.startsWith('--_')) tokens.set(property, value);
  }
  const resolve = (value) =>
    value.replace(/var\((--_[\w-]+)\)/g, (whole, token) => tokens.get(token) ?? whole);

  const defaults = new Map();
  const used = new Set();
  for (const { property, value } of declarations) {
    for (const { name, fallback } of varCalls(value)) {
      if (name.startsWith('--calls-') && fallback !== undefined && !defaults.has(name)) {
        const resolved = resolve(fallback);
        defaults.set(name, { light: inScheme(resolved, 0), dark: inScheme(resolved, 1) });
      }
      if (property.startsWith('--_')) continue;
      for (const reference of varCalls(resolve(`var(${name})`))) {
        if (reference.name.startsWith('--calls-')) used.add(reference.name);
      }
    }
  }
  return { defaults, used };
}

/** Reports `part="…"` names in an element's templates that no `@csspart` documents, and back. */
function partsInTemplates() {
  return {
    name: 'calls: parts in templates',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const element of mod.declarations ?? []) {
          if (!element.customElement || !element.tagName) continue;
          // A kit base class (src/internal/*-element.ts) may render parts for its subclasses, and
          // a shared template (`*-template.ts`, e.g. the default meeting) for each element importing it.
          const own = [mod.path, ...superclassModules(customElementsManifest, element)];
          const source = [...own, ...own.flatMap((path) => importedTemplates(path))]
            .map((path) => readFileSync(path, 'utf8'))
            .join('\n');
          const rendered = new Set([
            ...[...source.matchAll(/\spart="([^"]+)"/g)].flatMap(([, names]) => names.split(' ')),
            // Parts of inner elements re-exported as its own: `exportparts="inner: outer, same"`.
            ...[...source.matchAll(/\sexportparts="([^"]+)"/g)].flatMap(([, pairs]) =>
              pairs.split(',').map((pair) => pair.split(':').at(-1).trim()),
            ),
          ]);
          const documented = new Set(element.cssParts?.map((part) => part.name));
          const tag = element.tagName ?? element.name;
          for (const name of rendered) {
            if (!documented.has(name)) problem(`<${tag}> renders part ${name} without a @csspart`);
          }
          for (const name of documented) {
            if (!rendered.has(name)) problem(`<${tag}> documents part ${name}, which it never renders`);
          }
        }
      }
    },
  };
}

/**
 * Source paths of the `*-template.ts` modules that the module at `path` imports (relatively,
 * statically or with `import()`), and of those they import in turn.
 */
function importedTemplates(path, seen = new Set()) {
  const source = readFileSync(path, 'utf8');
  const direct = [...source.matchAll(/(?:from |import\()'(\.{1,2}\/[^']+-template)\.js'/g)]
    .map(([, imported]) => join(dirname(path), `${imported}.ts`))
    .filter((template) => !seen.has(template));
  for (const template of direct) seen.add(template);
  return [...direct, ...direct.flatMap((template) => importedTemplates(template, seen))];
}

/** Source paths of an element's superclasses that are part of this package, nearest first. */
function superclassModules(manifest, element) {
  const paths = [];
  for (let superclass = element.superclass; superclass?.module; ) {
    const path = superclass.module.replace(/^\//, '').replace(/\.js$/, '.ts');
    paths.push(path);
    const mod = manifest.modules.find((candidate) => candidate.path === path);
    superclass = mod?.declarations?.find((declaration) => declaration.name === superclass.name)?.superclass;
  }
  return paths;
}

/** The package ships `dist/**.js`, not `src/**.ts`: point the manifest at what is published. */
function shippedPaths() {
  const shipped = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
  return {
    name: 'calls: shipped paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        mod.path = shipped(mod.path);
        for (const entry of mod.exports ?? []) {
          if (entry.declaration.module) entry.declaration.module = shipped(entry.declaration.module);
        }
      }
    },
  };
}
