import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
// Generated from the elements' JSDoc by `npm run analyze` (run before `storybook dev` and `build`):
// every story of a `component: 'calls-…'` gets its argTypes and docs tables from it.
import manifest from '../custom-elements.json';
// Registers every calls-* element once for all stories, exactly as the package entry does for users.
import '../src/index.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  // A docs page per element, its tables filled from the manifest.
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: {
      expanded: true,
      matchers: {
        color: /(background|color)$/i,
      },
    },
    options: {
      storySort: {
        order: ['Introduction', 'Elements', 'Recipes', '*'],
      },
    },
  },
};

export default preview;
