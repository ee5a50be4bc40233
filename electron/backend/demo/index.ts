// Demo data: a seeded, made-up store for trying the app and for benchmarks.
export { generateDemoLeads, type DemoLead } from './generate';
export { CALL_OUTCOMES, type CallOutcome } from './history';
export { DEMO_SEED, seedDemoStore, type SeedDemoOptions, type SeedTarget } from './seed';
