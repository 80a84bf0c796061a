// Everything a measurement starts (child processes, Chromium, page server) is registered here and
// stopped in reverse order when the measurement ends, failed or not.

export class Resources {
  private readonly stops: { what: string; stop: () => Promise<void> }[] = [];

  add<T extends { stop?: () => Promise<void>; close?: () => Promise<void> }>(what: string, resource: T): T {
    const stop = resource.stop?.bind(resource) ?? resource.close?.bind(resource);
    if (stop) this.stops.push({ what, stop });
    return resource;
  }

  async release(): Promise<void> {
    for (const { what, stop } of this.stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        console.error(`[bench] stopping ${what} failed:`, error);
      }
    }
  }
}
