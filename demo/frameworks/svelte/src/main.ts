// Defines the calls-* elements before Svelte mounts, so Svelte sets `token`, `room`, … as properties.
import 'calls-elements';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app') as HTMLElement });
