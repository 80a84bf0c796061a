// Defines the calls-* elements before Angular renders, so `[token]`, `[room]`, … set properties the
// elements already own.
import 'calls-elements';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';

bootstrapApplication(App, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) =>
  console.error(error),
);
