import type { LearnedModelData } from '../learning/index.js';

/** A stored model's weights when it learned no field: for tests that store a model row by hand. */
export const EMPTY_LEARNED_MODEL: LearnedModelData = {
  format: 1,
  bits: 18,
  sentiment: null,
  companySentiment: null,
  companyKeep: null,
  topics: [],
};
