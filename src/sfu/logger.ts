/** The SFU's log: one line per API call by default, SDP bodies too when verbose, nothing when silent. */
export type LogLevel = 'silent' | 'info' | 'verbose';

export interface SfuLogger {
  info(message: string): void;
  verbose(message: string): void;
}

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => console.log(line),
): SfuLogger {
  const stamp = () => new Date().toISOString().slice(11, 23);
  return {
    info: (message) => {
      if (level !== 'silent') write(`[sfu ${stamp()}] ${message}`);
    },
    verbose: (message) => {
      if (level === 'verbose') write(`[sfu ${stamp()}] ${message}`);
    },
  };
}
