// Framework types, editor data and React wrappers, generated from custom-elements.json at build time
// (after `tsc` and `cem analyze`), so an element or event added to the kit is covered without
// touching this file. Writes into dist/ (or the directory given as its argument, where
// scripts/build.sh stages a build before it becomes dist/):
//   types/react.d.ts   React 19 JSX.IntrinsicElements: typed props and `oncalls-*` event props
//   types/vue.d.ts     Vue GlobalComponents: typed props and `@calls-*` handlers
//   types/svelte.d.ts  Svelte SvelteHTMLElements: typed props and `oncalls-*` handlers
//   react.js/.d.ts     @lit/react wrappers (`<CallsRoom onCallsJoined={…}>`), typed events
//   vscode.html-custom-data.json, web-types.json   VS Code and JetBrains HTML completion
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ManifestItem {
  name: string;
  description?: string;
  summary?: string;
  kind?: string;
  static?: boolean;
  readonly?: boolean;
  privacy?: string;
  fieldName?: string;
  default?: string;
  type?: { text: string };
}

interface ManifestElement extends ManifestItem {
  customElement?: boolean;
  tagName?: string;
  members?: ManifestItem[];
  attributes?: ManifestItem[];
  events?: ManifestItem[];
  slots?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
}

/** One element as the generators need it. */
export interface ElementInfo {
  tag: string;
  className: string;
  /** The element's module in dist/, e.g. `dist/elements/calls-room/calls-room.js`. */
  module: string;
  description: string;
  /** Public, writable instance fields: what a framework may set as a property. */
  properties: string[];
  attributes: ManifestItem[];
  /** Event name → event class name (exported from dist/events/index.js). */
  events: Map<string, string>;
  slots: ManifestItem[];
  cssParts: ManifestItem[];
  cssProperties: ManifestItem[];
}

export function readElements(manifestJson: string): ElementInfo[] {
  const manifest = JSON.parse(manifestJson) as {
    modules: { path: string; declarations?: ManifestElement[] }[];
  };
  const elements: ElementInfo[] = [];
  for (const mod of manifest.modules) {
    for (const declaration of mod.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      elements.push({
        tag: declaration.tagName,
        className: declaration.name,
        module: mod.path,
        description: declaration.summary ?? declaration.description ?? '',
        properties: (declaration.members ?? [])
          .filter(
            (member) =>
              member.kind === 'field' &&
              !member.static &&
              !member.readonly &&
              (member.privacy ?? 'public') === 'public',
          )
          .map((member) => member.name),
        attributes: declaration.attributes ?? [],
        events: new Map((declaration.events ?? []).map((event) => [event.name, event.type?.text ?? 'Event'])),
        slots: declaration.slots ?? [],
        cssParts: declaration.cssParts ?? [],
        cssProperties: declaration.cssProperties ?? [],
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** `calls-participant-joined` → `CallsParticipantJoined` (the @lit/react and Vue handler names). */
function pascal(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_whole, _dash, letter: string) => letter.toUpperCase());
}

function eventClassesOf(elements: ElementInfo[]): string[] {
  return [...new Set(elements.flatMap((element) => [...element.events.values()]))].sort();
}

/** The import lines every declaration file starts with: element classes by module, events from one place. */
function imports(elements: ElementInfo[], fromFile: string): string {
  const path = (module: string) => {
    const file = relative(dirname(fromFile), module);
    return file.startsWith('.') ? file : `./${file}`;
  };
  const lines = elements.map(
    (element) => `import type { ${element.className} } from '${path(element.module)}';`,
  );
  const events = eventClassesOf(elements);
  if (events.length > 0) {
    lines.push(`import type { ${events.join(', ')} } from '${path('dist/events/index.js')}';`);
  }
  return lines.join('\n');
}

/** `Partial<Pick<El, 'a' | 'b'>>`: the properties keep the element's own types, whatever they are. */
function propsOf(element: ElementInfo): string {
  if (element.properties.length === 0) return '{}';
  return `Partial<Pick<${element.className}, ${element.properties.map((name) => `'${name}'`).join(' | ')}>>`;
}

function handlers(element: ElementInfo, key: (event: string) => string, target: boolean): string {
  const entries = [...element.events].map(([name, type]) => {
    const event = target ? `${type} & { currentTarget: ${element.className} }` : type;
    return `    ${key(name)}?: (event: ${event}) => void;`;
  });
  return entries.length === 0 ? '{}' : `{\n${entries.join('\n')}\n  }`;
}

const HEADER = '// Generated from custom-elements.json by scripts/framework-types.ts. Do not edit.\n';

export function reactJsx(elements: ElementInfo[]): string {
  const file = 'dist/types/react.d.ts';
  const entries = elements.map(
    (element) =>
      `      '${element.tag}': React.DetailedHTMLProps<React.HTMLAttributes<${element.className}>, ${element.className}> &\n` +
      `        ${propsOf(element)} &\n        ${handlers(element, (name) => `'on${name}'`, false).replace(/\n/g, '\n      ')} & { class?: string };`,
  );
  return `${HEADER}// React 19: \`import type {} from 'calls-elements/types/react'\` once, then
// <calls-room room={room} token={token} oncalls-joined={(event) => event.detail.room} />.
import type * as React from 'react';
${imports(elements, file)}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${entries.join('\n')}
    }
  }
}
`;
}

export function vueComponents(elements: ElementInfo[]): string {
  const file = 'dist/types/vue.d.ts';
  const entries = elements.map(
    (element) =>
      `    '${element.tag}': DefineComponent<\n      ${propsOf(element)} & ${handlers(element, (name) => `on${pascal(name)}`, false).replace(/\n/g, '\n    ')}\n    >;`,
  );
  return `${HEADER}// Vue 3: \`import type {} from 'calls-elements/types/vue'\` once (e.g. in env.d.ts), then
// <calls-room :room="room" :token="token" @calls-joined="(event) => event.detail.room" /> is checked by vue-tsc.
import type { DefineComponent } from 'vue';
${imports(elements, file)}

declare module 'vue' {
  interface GlobalComponents {
${entries.join('\n')}
  }
}
`;
}

export function svelteElements(elements: ElementInfo[]): string {
  const file = 'dist/types/svelte.d.ts';
  const entries = elements.map(
    (element) =>
      `    '${element.tag}': HTMLAttributes<${element.className}> &\n      ${propsOf(element)} &\n      ${handlers(element, (name) => `'on${name}'`, true).replace(/\n/g, '\n    ')};`,
  );
  return `${HEADER}// Svelte 5: \`import type {} from 'calls-elements/types/svelte'\` once, then
// <calls-room {room} {token} oncalls-joined={(event) => event.detail.room} /> is checked by svelte-check.
import type { HTMLAttributes } from 'svelte/elements';
${imports(elements, file)}

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${entries.join('\n')}
  }
}
`;
}

function wrapperName(element: ElementInfo): string {
  return pascal(element.tag);
}

export function reactWrappersJs(elements: ElementInfo[]): string {
  const wrappers = elements.map((element) => {
    const events = [...element.events.keys()].map((name) => `    on${pascal(name)}: '${name}',`);
    return `export const ${wrapperName(element)} = createComponent({
  tagName: '${element.tag}',
  elementClass: ${element.className},
  react: React,
  events: {
${events.join('\n')}
  },
});`;
  });
  return `${HEADER}// @lit/react wrappers: properties are set as properties and events are \`on…\` props, in any React.
import { createComponent } from '@lit/react';
import * as React from 'react';
import { ${elements.map((element) => element.className).join(', ')} } from './index.js';

${wrappers.join('\n\n')}
`;
}

export function reactWrappersDts(elements: ElementInfo[]): string {
  const file = 'dist/react.d.ts';
  const wrappers = elements.map((element) => {
    const events = [...element.events].map(([name, type]) => `  on${pascal(name)}: EventName<${type}>;`);
    return `/** React wrapper of \`<${element.tag}>\`: ${element.description.replace(/\*\//g, '* /').replace(/\s+/g, ' ')} */
export declare const ${wrapperName(element)}: ReactWebComponent<${element.className}, {
${events.join('\n')}
}>;`;
  });
  return `${HEADER}import type { EventName, ReactWebComponent } from '@lit/react';
${imports(elements, file)}

${wrappers.join('\n\n')}
`;
}

export function vscodeCustomData(elements: ElementInfo[]): string {
  return `${JSON.stringify(
    {
      version: 1.1,
      tags: elements.map((element) => ({
        name: element.tag,
        description: element.description,
        attributes: element.attributes.map((attribute) => ({
          name: attribute.name,
          description: attribute.description ?? '',
          ...(attribute.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
        })),
      })),
    },
    null,
    2,
  )}\n`;
}

export function webTypes(elements: ElementInfo[], version: string): string {
  const described = (item: ManifestItem) => ({ name: item.name, description: item.description ?? '' });
  return `${JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/web-types',
      name: 'calls-elements',
      version,
      'description-markup': 'markdown',
      contributions: {
        html: {
          elements: elements.map((element) => ({
            name: element.tag,
            description: element.description,
            attributes: element.attributes.map((attribute) => ({
              ...described(attribute),
              value: { type: attribute.type?.text ?? 'string' },
            })),
            events: [...element.events.keys()].map((name) => ({ name })),
            slots: element.slots.map(described),
            css: {
              parts: element.cssParts.map(described),
              properties: element.cssProperties.map(described),
            },
          })),
        },
      },
    },
    null,
    2,
  )}\n`;
}

/** Every event class the manifest names must be exported from dist/events/index.js. */
function checkEventsExported(elements: ElementInfo[], eventsIndexDts: string): void {
  const missing = eventClassesOf(elements).filter(
    (name) => !new RegExp(`\\b${name}\\b`).test(eventsIndexDts),
  );
  if (missing.length > 0) {
    throw new Error(
      `framework-types: ${missing.join(', ')} named by an @event tag but not exported from src/events/index.ts`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  // The outputs are named by their place in dist/ (their relative imports are computed from it);
  // `out` is where that dist/ is being written.
  const out = `${root}${process.argv[2] ?? 'dist'}/`;
  const elements = readElements(readFileSync(`${root}custom-elements.json`, 'utf8'));
  checkEventsExported(elements, readFileSync(`${out}events/index.d.ts`, 'utf8'));
  const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };
  const outputs: Record<string, string> = {
    'dist/types/react.d.ts': reactJsx(elements),
    'dist/types/vue.d.ts': vueComponents(elements),
    'dist/types/svelte.d.ts': svelteElements(elements),
    'dist/react.js': reactWrappersJs(elements),
    'dist/react.d.ts': reactWrappersDts(elements),
    'dist/vscode.html-custom-data.json': vscodeCustomData(elements),
    'dist/web-types.json': webTypes(elements, version),
  };
  for (const [file, text] of Object.entries(outputs)) {
    const target = `${out}${file.slice('dist/'.length)}`;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}
