import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

/** The high-level tokens every `--calls-*` default derives from (src/internal/theme.styles.ts). */
interface ThemeArgs {
  accent: string;
  surface: string;
  foreground: string;
  /** Corner radius, in px. */
  radius: number;
  /** A factor on every gap: 0.75 compact, 1.25 roomy. */
  density: number;
  font: string;
}

const fonts = {
  System: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  Serif: 'Georgia, "Times New Roman", serif',
  Humanist: '"Trebuchet MS", "Gill Sans", sans-serif',
  Monospace: 'ui-monospace, "Cascadia Mono", Menlo, monospace',
};

/** The tokens as declarations for a wrapper's `style`: they inherit into every element inside. */
const tokens = ({ accent, surface, foreground, radius, density, font }: ThemeArgs) =>
  `--calls-accent: ${accent}; --calls-surface: ${surface}; --calls-foreground: ${foreground}; ` +
  `--calls-radius: ${radius}px; --calls-density: ${density}; --calls-font-family: ${font};`;

/** Light: the kit's own defaults, written out. */
const light: ThemeArgs = {
  accent: '#2563eb',
  surface: '#ffffff',
  foreground: '#1d1f24',
  radius: 12,
  density: 1,
  font: fonts.System,
};

/** Each with white text on the accent at 4.5:1 or more, and the text on the surface well above it. */
const presets: Record<string, ThemeArgs> = {
  Light: light,
  Dark: { ...light, accent: '#3b6fe0', surface: '#15171c', foreground: '#eceef2' },
  'Warm, roomy': {
    accent: '#c2410c',
    surface: '#fff7ed',
    foreground: '#431407',
    radius: 20,
    density: 1.25,
    font: fonts.Serif,
  },
  'Midnight, rounded': {
    accent: '#7c3aed',
    surface: '#111827',
    foreground: '#f3f4f6',
    radius: 24,
    density: 1,
    font: fonts.Humanist,
  },
  'Compact, square': {
    accent: '#0f766e',
    surface: '#f1f5f9',
    foreground: '#0f172a',
    radius: 2,
    density: 0.75,
    font: fonts.Monospace,
  },
};

const meta: Meta<ThemeArgs> = {
  title: 'Recipes/Themes',
  args: light,
  argTypes: {
    accent: { control: 'color', description: '`--calls-accent`: Join, pressed toggles, links, focus rings.' },
    surface: {
      control: 'color',
      description: "`--calls-surface`: the background; tiles' and controls' backgrounds are mixed from it.",
    },
    foreground: {
      control: 'color',
      description:
        '`--calls-foreground`: text; with the surface it also sets the controls’ and the secondary text.',
    },
    radius: { control: { type: 'range', min: 0, max: 32, step: 1 }, description: '`--calls-radius`, in px.' },
    density: {
      control: { type: 'range', min: 0.5, max: 1.5, step: 0.05 },
      description: '`--calls-density`: a factor on every gap (touch targets stay 44 px).',
    },
    font: { control: 'select', options: Object.values(fonts), description: '`--calls-font-family`.' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Five tokens theme the whole kit: `--calls-accent`, `--calls-surface` (with `--calls-foreground` for a dark one), `--calls-radius`, `--calls-density` and `--calls-font-family`. Set them on any ancestor; every `--calls-*` default derives from them, and a specific property still wins.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<ThemeArgs>;

/** The default meeting, joined, under the tokens in the controls below: change one and it restyles. */
export const Playground: Story = {
  render: (args) =>
    html`<div data-theme-root style=${tokens(args)}>
      <calls-room endpoint=${endpoint} room=${`${storyRoom}-themes`} display-name="Storybook" autojoin style="height: 460px"></calls-room>
    </div>`,
};

/** The same lobby under each preset, light and dark among them. */
export const Presets: Story = {
  render: () =>
    html`<div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 16px">
      ${Object.entries(presets).map(
        ([name, theme]) =>
          html`<section data-theme=${name} style=${`${tokens(theme)} padding: 12px; border-radius: ${theme.radius}px; background: ${theme.surface}; color: ${theme.foreground}; font-family: ${theme.font}`}>
            <h3 style="margin: 0 0 8px">${name}</h3>
            <calls-room endpoint=${endpoint} room=${`${storyRoom}-presets`} display-name=${name} style="--calls-room-min-height: 0"></calls-room>
          </section>`,
      )}
    </div>`,
};
