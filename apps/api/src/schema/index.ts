import { lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.js';
import './company.js';
import './topic.js';

export const schema = lexicographicSortSchema(builder.toSchema());
