// Defines the calls-* elements before Vue mounts, so Vue binds `:token`, `:room`, … as properties.
import 'calls-elements';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
