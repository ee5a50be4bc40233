// The backend's log. Only technical facts go here (method names, error codes, timings, counts);
// never lead data, never inputs: leads are personal data and logs leave the machine in bug reports.
export type LogLevel = 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, event: string, facts?: Record<string, string | number | boolean>) => void;

export const consoleLogger: Logger = (level, event, facts = {}) => {
  const line = `[bantam] ${level} ${event}${Object.entries(facts)
    .map(([k, v]) => ` ${k}=${String(v)}`)
    .join('')}`;
  if (level === 'info') console.log(line);
  else console.error(line);
};

export const silentLogger: Logger = () => undefined;
