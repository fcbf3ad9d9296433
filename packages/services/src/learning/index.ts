export { collectLearningExamples, type CollectedExamples } from './collect-learning-examples.js';
export { loadActiveModel, learnedModelName } from './load-active-model.js';
export { trainAnalyzer, type TrainAnalyzerOptions, type TrainAnalyzerResult } from './train-analyzer.js';
export { activateAnalyzerModel, type ActivateAnalyzerModelOptions } from './activate-analyzer-model.js';
export {
  analyzerQuality,
  QUALITY_FIELDS,
  type AgreementPoint,
  type AnalyzerModelSummary,
  type AnalyzerQuality,
  type QualityField,
} from './analyzer-quality.js';
export { requestAnalyzerTraining } from './request-analyzer-training.js';
