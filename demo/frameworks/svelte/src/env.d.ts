// Types <calls-room> and friends in markup (SvelteHTMLElements), generated from the package's manifest.
import type {} from 'calls-elements/types/svelte';
