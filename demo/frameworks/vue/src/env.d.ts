// Types <calls-room> and friends in templates (GlobalComponents), generated from the package's manifest.
import type {} from 'calls-elements/types/vue';
