// Bundles the tsc output (dist/index.js) into one self-contained, minified ES module for
// script-tag use: `<script type="module" src=".../calls-elements.min.js">`. Everything the
// browser needs (lit, rxjs, partytracks) is inlined; nothing is left external. The only other files
// are the shipped languages, one chunk each beside the bundle, which it loads when a page uses one.
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';

/**
 * Fails the build when the bundle would still import something at runtime (for example a
 * `node:` built-in pulled in by server code reaching the browser entry): such a file would
 * load in no browser, so catching it here beats shipping it.
 * @returns {import('rollup').Plugin}
 */
function selfContained() {
  return {
    name: 'self-contained',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        // Imports of the build's own chunks (the lazily loaded languages) are fine: they ship with it.
        const external = [...chunk.imports, ...chunk.dynamicImports].filter((name) => !(name in bundle));
        if (external.length > 0) {
          this.error(`${chunk.fileName} is not self-contained; it still imports: ${external.join(', ')}`);
        }
      }
    },
  };
}

/** @type {import('rollup').RollupOptions} */
export default {
  input: 'dist/index.js',
  // The language chunks import the plural helpers from the bundle itself; letting the entry export
  // them too keeps the bundle one file instead of a facade over a second, shared chunk.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    entryFileNames: 'calls-elements.min.js',
    // Each shipped language is its own small file next to the bundle (calls-elements.fr.min.js, …):
    // the bundle imports it relative to itself only when a page uses that language, so English-only
    // pages download none of them. Serve the files together (copy the whole set, or use a CDN path).
    chunkFileNames: 'calls-elements.[name].min.js',
    format: 'es',
    sourcemap: true,
  },
  plugins: [
    // partytracks ships tiny-invariant, which reads process.env.NODE_ENV as bundlers are expected to
    // replace it; a browser has no `process`, so the bundle bakes in the production value.
    replace({
      preventAssignment: true,
      values: { 'process.env.NODE_ENV': JSON.stringify('production') },
    }),
    // `es2015` picks rxjs's ES2015 build: its classes as classes, instead of the ES5 build that
    // emulates them and pulls in tslib's downlevel helpers (1.8 kB min+gzip more).
    // The package's own `sideEffects` list is for the bundlers of people who install it, and names
    // files under dist/; scripts/build.sh bundles from a staging directory that matches none of it,
    // which made every module of the entry side-effect free (so `import './x.js'` meant nothing, and
    // the default meeting <calls-room> imports with import() became a second file instead of staying
    // in the bundle). The entry reaches only what the bundle needs anyway, so all of it counts.
    nodeResolve({ browser: true, exportConditions: ['es2015'], ignoreSideEffectsForRoot: true }),
    // The elements' html`` and css`` templates ship without their indentation and comments, and the
    // CSS through lightningcss (about 2.4 kB min+gzip). Whitespace is only collapsed, never removed
    // (a space between inline elements is text someone sees), and SVG keeps its self-closing tags
    // (without them `<rect><path>` nests the path inside the rect and the icon loses it). A
    // template the minifier cannot read fails the build instead of shipping as it is.
    minifyHTML({
      failOnError: true,
      options: {
        minifyOptions: { conservativeCollapse: true, keepClosingSlash: true, removeEmptyAttributes: false },
      },
    }),
    terser({
      ecma: 2020,
      module: true,
      // `allFunctionsCalledOnLoad` asks V8 (Chromium 136+) to compile the whole file while it loads,
      // on a background thread, instead of each function on the main thread when first called.
      // A room calls most of the bundle in the moments after join() (the meeting, the room model,
      // partytracks, rxjs), so without it those compiles sat on the way to the first frame: same-
      // browser A/Bs gave medians 10–13 % faster joins with it (bench/README.md). Terser shifts
      // the source map for the preamble; other engines ignore the comment.
      format: { comments: false, preamble: '//# allFunctionsCalledOnLoad' },
    }),
    selfContained(),
  ],
  onwarn(warning, warn) {
    // Some dependencies use top-level `this`; in an ES module it is undefined, which they expect.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    // A bare import nothing resolves would be left as a runtime import the browser cannot load.
    if (warning.code === 'UNRESOLVED_IMPORT') {
      throw new Error(`rollup: cannot resolve "${warning.exporter ?? '?'}" imported by ${warning.id ?? '?'}`);
    }
    warn(warning);
  },
};
