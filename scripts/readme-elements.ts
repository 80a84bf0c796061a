// Renders the README's element reference from custom-elements.json (itself generated from the
// elements' JSDoc by `npm run analyze`): `npm run docs` rewrites the part of README.md between
// the markers below; test/node/readme-elements.test.ts fails when that part is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const START = '<!-- elements:start -->';
export const END = '<!-- elements:end -->';

/** The parts of the custom-elements manifest schema this page shows. */
interface Described {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface Member extends Described {
  kind: 'field' | 'method';
  attribute?: string;
  reflects?: boolean;
  readonly?: boolean;
  static?: boolean;
  parameters?: Described[];
  return?: { type?: { text: string } };
}
interface Attribute extends Described {
  fieldName?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  members?: Member[];
  attributes?: Attribute[];
  events?: Described[];
  slots?: Described[];
  cssParts?: Described[];
  cssStates?: Described[];
  cssProperties?: Described[];
}
export interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

const oneLine = (text = '') => text.replace(/\s+/g, ' ').trim();
const code = (text: string | undefined) => (text ? `\`${oneLine(text)}\`` : '');
/** A table cell: one line, with `|` escaped (GitHub reads `\|` as a pipe inside code spans too). */
const cell = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

function table(headings: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [];
  return [
    `| ${headings.join(' | ')} |`,
    `|${headings.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    '',
  ];
}

function attributesAndProperties(element: Declaration): string[][] {
  const fields = (element.members ?? []).filter((member) => member.kind === 'field' && !member.static);
  const rows = fields.map((field) => {
    const attribute = element.attributes?.find((candidate) => candidate.fieldName === field.name);
    const notes = [field.reflects && 'reflected', field.readonly && 'read-only'].filter(Boolean);
    return [
      attribute ? code(attribute.name) : '',
      code(field.name) + (notes.length > 0 ? ` (${notes.join(', ')})` : ''),
      code(field.type?.text),
      code(field.default),
      oneLine(field.description),
    ];
  });
  const attributeOnly = (element.attributes ?? []).filter(
    (attribute) => !fields.some((field) => field.name === attribute.fieldName),
  );
  for (const attribute of attributeOnly) {
    rows.push([
      code(attribute.name),
      '',
      code(attribute.type?.text),
      code(attribute.default),
      oneLine(attribute.description),
    ]);
  }
  return rows;
}

function methods(element: Declaration): string[][] {
  return (element.members ?? [])
    .filter((member) => member.kind === 'method' && !member.static)
    .map((method) => {
      const parameters = (method.parameters ?? []).map((parameter) => parameter.name).join(', ');
      return [
        code(`${method.name}(${parameters})`),
        code(method.return?.type?.text),
        oneLine(method.description),
      ];
    });
}

function renderElement(element: Declaration): string[] {
  const described = (items: Described[] | undefined, name = (item: Described) => code(item.name)) =>
    (items ?? []).map((item) => [name(item), oneLine(item.description)]);
  return [
    `### \`<${element.tagName}>\``,
    '',
    ...[element.summary, element.description].filter(Boolean).flatMap((text) => [oneLine(text), '']),
    ...table(['Attribute', 'Property', 'Type', 'Default', 'Description'], attributesAndProperties(element)),
    ...table(['Method', 'Returns', 'Description'], methods(element)),
    ...table(
      ['Event', 'Type', 'Description'],
      (element.events ?? []).map((event) => [
        code(event.name),
        code(event.type?.text),
        oneLine(event.description),
      ]),
    ),
    ...table(
      ['Slot', 'Description'],
      described(element.slots, (slot) => (slot.name ? code(slot.name) : '(default)')),
    ),
    ...table(['Part', 'Description'], described(element.cssParts)),
    ...table(
      ['Custom state', 'Description'],
      described(element.cssStates, (state) => code(`:state(${state.name})`)),
    ),
    ...table(
      ['CSS custom property', 'Default', 'Description'],
      (element.cssProperties ?? []).map((property) => [
        code(property.name),
        code(property.default),
        oneLine(property.description),
      ]),
    ),
  ];
}

/**
 * The generated reference: one section per custom element, by tag name (the analyzer's module order
 * changes from run to run once it resolves superclasses).
 */
export function renderElements(manifest: Manifest): string {
  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => (a.tagName ?? '').localeCompare(b.tagName ?? ''));
  const lines = [
    START,
    '<!-- Generated from custom-elements.json by `npm run docs`; edit the JSDoc in src/elements, not this. -->',
    '',
    ...elements.flatMap(renderElement),
    END,
  ];
  return lines.join('\n');
}

/** `readme` with the part between the markers replaced by the reference for `manifest`. */
export function updateReadme(readme: string, manifest: Manifest): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return readme.slice(0, start) + renderElements(manifest) + readme.slice(end + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8')) as Manifest;
  const readmeUrl = new URL('README.md', root);
  const before = readFileSync(readmeUrl, 'utf8');
  const after = updateReadme(before, manifest);
  if (after !== before) writeFileSync(readmeUrl, after);
  console.log(
    after === before ? 'README.md: element reference up to date' : 'README.md: element reference updated',
  );
}
