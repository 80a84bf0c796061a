/**
 * Registers a custom element once: loading the package twice (a bundle and an npm import on the
 * same page) must not throw. In Node (SSR), Lit provides the registry shim.
 */
export function defineElement(name: string, elementClass: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (registry && !registry.get(name)) registry.define(name, elementClass);
}
