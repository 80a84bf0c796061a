// Public entry of `calls-elements/sfu`. The implementation is being written; this file fixes the API shape.
export interface SfuOptions {
  /** TCP port for the HTTP API; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** App id accepted in /v1/apps/{appId}/… Default "local-app". */
  appId?: string;
  /** Bearer secret required on every call. Default "local-secret". */
  appSecret?: string;
  /** "silent" | "info" | "verbose". Default "info". */
  logLevel?: 'silent' | 'info' | 'verbose';
}

export interface RunningSfu {
  /** e.g. http://127.0.0.1:43117 */
  readonly url: string;
  readonly port: number;
  readonly appId: string;
  readonly appSecret: string;
  /** Base for the Calls API: `${url}/v1` (append `/apps/${appId}/sessions/new`). */
  readonly apiBaseUrl: string;
  stop(): Promise<void>;
}

export declare function startSfu(options?: SfuOptions): Promise<RunningSfu>;
