import type { SandboxConfig } from './config.js';
import type { Faults } from './faults.js';
import type { Delays, Scheduler } from './state/clock.js';
import type { Store } from './state/store.js';

/** One raw AWS response, for the conformance check (test hook). */
export type RecordedResponse = {
  service: 'directconnect' | 'ec2' | 'sts';
  operation: string;
  status: number;
  body: string;
};

export type Runtime = {
  store: Store;
  scheduler: Scheduler;
  faults: Faults;
  delays: Delays;
  config: SandboxConfig;
  allowRemoteControl: boolean;
  onResponse?: (response: RecordedResponse) => void;
};
