export * from './contract.js';
export {
  createBuiltinAnalyzer,
  BUILTIN_ANALYZER_NAME,
  BUILTIN_ANALYZER_VERSION,
  type BuiltinAnalyzer,
} from './create-builtin-analyzer.js';
export {
  textFingerprint,
  signatureSimilarity,
  serializeFingerprint,
  parseFingerprint,
  addClusterPrint,
  serializeClusterPrints,
  parseClusterPrints,
  CLUSTER_RECENT_PRINTS,
  extractFacts,
  type TextFingerprint,
} from './cluster/text-fingerprint.js';
export {
  storySimilarity,
  STORY_SIMILARITY_THRESHOLD,
  type StoryFeatures,
  type StorySimilarity,
} from './cluster/story-similarity.js';
export { withoutLegalForm } from './entities/build-registry-index.js';
export { coverageFactor } from './importance/score-importance.js';
