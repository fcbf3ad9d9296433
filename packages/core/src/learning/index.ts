export {
  trainLearnedModel,
  loadLearnedModel,
  sentimentClassOfScore,
  LEARNED_FIELDS,
  MIN_FIELD_EXAMPLES,
  type LearningExample,
  type LearnedField,
  type FieldAgreement,
  type CrossValidation,
  type LearnedModelData,
  type LoadedLearnedModel,
  type TrainedLearnedModel,
} from './learned-model.js';
export { createLearnedAnalyzer } from './create-learned-analyzer.js';
export { learnedModelDataSchema, crossValidationSchema, fieldAgreementSchema } from './model-schema.js';
export { createExampleRetriever, type CorrectedExample, type ExampleRetriever } from './similar-examples.js';
