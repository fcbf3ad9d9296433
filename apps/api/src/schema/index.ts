import { isObjectType, lexicographicSortSchema } from 'graphql';

import { builder } from '../builder.js';

import './node.js';
import './analysis.js';
import './article.js';
import './review.js';
import './series.js';
import './company.js';
import './topic.js';
import './source.js';
import './cluster.js';
import './user.js';
import './audit.js';
import './analyzer-quality.js';
import './watchlist.js';
import './alert.js';
import './webhook.js';
import './live.js';

const built = builder.toSchema();
// plugin-prisma's generated totalCount fields take no description option; give them one here.
for (const type of Object.values(built.getTypeMap())) {
  if (isObjectType(type) && type.name.endsWith('Connection')) {
    const field = type.getFields().totalCount;
    if (field && !field.description) field.description = 'How many items there are in all pages.';
  }
}

export const schema = lexicographicSortSchema(built);
