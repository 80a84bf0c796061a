// Baseline: partytracks' own Calls proxy for servers.
export * from 'partytracks/server';
