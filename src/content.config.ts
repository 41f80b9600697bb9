import { defineCollection } from 'astro:content';
import { catalogLoader } from './loaders/catalog.ts';
import { collectionSchema, paperSchema, reportOutputSchema, topicSchema } from './lib/schema.ts';

export const collections = {
  papers: defineCollection({ loader: catalogLoader('papers'), schema: paperSchema }),
  topics: defineCollection({ loader: catalogLoader('topics'), schema: topicSchema }),
  collections: defineCollection({ loader: catalogLoader('collections'), schema: collectionSchema }),
  report: defineCollection({ loader: catalogLoader('report'), schema: reportOutputSchema }),
};
