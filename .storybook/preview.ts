import type { Preview } from '@storybook/web-components-vite';
// Registers every calls-* element once for all stories, exactly as the package entry does for users.
import '../src/index.js';

const preview: Preview = {
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
