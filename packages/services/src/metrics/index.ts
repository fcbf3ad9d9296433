export { createMetricsRegistry, type CreateMetricsRegistryOptions } from './create-metrics-registry.js';
export { registerQueueMetrics } from './queue-metrics.js';
export { sendMetrics, serveMetrics, type MetricsServer } from './serve-metrics.js';
