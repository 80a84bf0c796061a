// An empty page: used to load the script-tag bundle alone (see lib/widget.ts).
export {};
