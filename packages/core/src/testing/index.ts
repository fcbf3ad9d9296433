export * from './analysis-result.js';
export * from './script-args.js';
export * from './mojibake.js';
export * from './learned-model.js';
